// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

#include "util/buildinfo.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Airgate::Cli {

int versionCommand(Args &args)
{
    const bool json = args.flag(QStringLiteral("--json"));
    if (auto u = args.unknownOption()) {
        err() << "airgatectl version: unknown option " << *u << '\n';
        return ExitUsage;
    }
    if (!json) {
        out() << BuildInfo::text(QStringLiteral("airgatectl"));
        return ExitOk;
    }
    const QJsonObject o {
        {QStringLiteral("version"), BuildInfo::version()},
        {QStringLiteral("gitCommit"), BuildInfo::gitCommit()},
        {QStringLiteral("qt"), BuildInfo::qtRuntimeVersion()},
        {QStringLiteral("qtBuild"), BuildInfo::qtBuildVersion()},
        {QStringLiteral("openssl"), BuildInfo::opensslVersion()},
        {QStringLiteral("libyaml"), BuildInfo::libyamlVersion()},
        {QStringLiteral("hubCrds"), BuildInfo::hubCrdsVersion()},
        {QStringLiteral("traefikCrds"), BuildInfo::traefikCrdsVersion()},
        {QStringLiteral("crdChart"), BuildInfo::crdChartVersion()},
    };
    out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    return ExitOk;
}

} // namespace Airgate::Cli
