// SPDX-License-Identifier: Apache-2.0
#include "buildinfo.h"

#include <QtGlobal>

#include <openssl/crypto.h>
#include <yaml.h>

// Written at build time by cmake/AirgateGitCommit.cmake (only when the commit changes).
extern const char *const airgateGitCommit;

namespace Airgate {

QString BuildInfo::version()
{
    return QStringLiteral(AIRGATE_VERSION);
}

QString BuildInfo::gitCommit()
{
    return QString::fromLatin1(airgateGitCommit);
}

QString BuildInfo::homepage()
{
    return QStringLiteral(AIRGATE_HOMEPAGE);
}

QString BuildInfo::qtRuntimeVersion()
{
    return QString::fromLatin1(qVersion());
}

QString BuildInfo::qtBuildVersion()
{
    return QStringLiteral(QT_VERSION_STR);
}

QString BuildInfo::opensslVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

QString BuildInfo::libyamlVersion()
{
    return QString::fromLatin1(yaml_get_version_string());
}

QString BuildInfo::hubCrdsVersion()
{
    return QStringLiteral(AIRGATE_HUB_CRDS_VERSION);
}

QString BuildInfo::traefikCrdsVersion()
{
    return QStringLiteral(AIRGATE_TRAEFIK_CRDS_VERSION);
}

QString BuildInfo::crdChartVersion()
{
    return QStringLiteral(AIRGATE_CRD_CHART_VERSION);
}

QList<std::pair<QString, QString>> BuildInfo::facts()
{
    const QString qt = qtRuntimeVersion() == qtBuildVersion()
        ? qtRuntimeVersion()
        : QStringLiteral("%1 (built with %2)").arg(qtRuntimeVersion(), qtBuildVersion());
    return {
        {QStringLiteral("Version"), version()},
        {QStringLiteral("Git commit"), gitCommit()},
        {QStringLiteral("Qt"), qt},
        {QStringLiteral("OpenSSL"), opensslVersion()},
        {QStringLiteral("libyaml"), libyamlVersion()},
        {QStringLiteral("Traefik Hub CRDs"),
         QStringLiteral("v%1 (Traefik Helm chart %2)").arg(hubCrdsVersion(), crdChartVersion())},
        {QStringLiteral("Traefik CRDs"),
         QStringLiteral("v%1 (Traefik Helm chart %2)")
             .arg(traefikCrdsVersion(), crdChartVersion())},
    };
}

QString BuildInfo::text(const QString &program)
{
    const auto all = facts();
    qsizetype width = 0;
    for (const auto &[label, value] : all)
        width = qMax(width, label.size());
    QString out = program + u' ' + version() + u'\n';
    for (const auto &[label, value] : all.mid(1))
        out += QString(label + u':').leftJustified(width + 2) + value + u'\n';
    return out;
}

} // namespace Airgate
