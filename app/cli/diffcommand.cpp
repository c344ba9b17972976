// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

#include "gateway/gateway.h"
#include "gitops/diffreport.h"
#include "gitops/manifestsource.h"
#include "io/atomicfile.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Airgate::Cli {

namespace {

/// How long the admin API may take to send the served manifests.
constexpr int kGatewayTimeoutMs = 10000;
/// The served snapshot is at most a workspace's worth of manifests.
constexpr qint64 kMaxServedBytes = 256 * 1024 * 1024;

struct AdminEndpoint
{
    QString address; ///< host:port
    QByteArray token;
};

Result<AdminEndpoint> findGateway(const QString &workspace, const std::optional<QString> &stateDir,
                                  const std::optional<QString> &admin,
                                  const std::optional<QString> &tokenFile)
{
    AdminEndpoint e;
    QString tokenPath = tokenFile.value_or(QString());
    if (admin) {
        e.address = *admin;
    } else {
        const QString state = stateDir ? QDir(*stateDir).absolutePath()
                                       : Runtime::Gateway::defaultStateDir(workspace);
        const QString file = state + u'/' + QLatin1StringView(Runtime::Gateway::kAdminFile);
        auto bytes = Io::readFile(file, 64 * 1024);
        if (!bytes)
            return makeError(Error::Code::NotFound,
                             QStringLiteral("no running gateway for %1 (%2 is missing; start "
                                            "`airgatectl serve --path %1`, or give --state DIR "
                                            "or --admin HOST:PORT --token-file FILE)")
                                 .arg(workspace, file));
        const QJsonObject ready = QJsonDocument::fromJson(*bytes).object();
        e.address = ready.value(QStringLiteral("admin")).toString();
        if (tokenPath.isEmpty())
            tokenPath = ready.value(QStringLiteral("adminTokenFile")).toString();
    }
    if (tokenPath.isEmpty())
        return makeError(Error::Code::Invalid, QStringLiteral("--admin needs --token-file FILE"));
    auto token = Io::readFile(tokenPath, 4096);
    if (!token)
        return token.error();
    e.token = token->trimmed();
    return e;
}

Result<GitOps::ManifestSet> fetchServed(const AdminEndpoint &e)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(QStringLiteral("http://%1/api/manifests").arg(e.address)));
    request.setRawHeader("Authorization", "Bearer " + e.token);
    request.setTransferTimeout(kGatewayTimeoutMs);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::downloadProgress, &loop, [reply](qint64 got, qint64) {
        if (got > kMaxServedBytes)
            reply->abort();
    });
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && status == 0)
        return makeError(Error::Code::Io,
                         QStringLiteral("gateway admin API at %1: %2 (is "
                                        "`airgatectl serve` still running?)")
                             .arg(e.address, reply->errorString()));
    if (status != 200)
        return makeError(
            Error::Code::Io,
            QStringLiteral("gateway admin API at %1 answered %2%3")
                .arg(e.address)
                .arg(status)
                .arg(status == 401 ? QStringLiteral(" (wrong admin token)") : QString()));
    QString served;
    auto set = GitOps::servedManifests(reply->readAll(), QStringLiteral("gateway"), &served);
    if (set)
        set->notes.prepend(QStringLiteral("gateway at %1 serves %2").arg(e.address, served));
    return set;
}

} // namespace

int diffCommand(Args &args)
{
    const QString path = args.take(QStringLiteral("--path")).value_or(QStringLiteral("."));
    const auto against = args.take(QStringLiteral("--against"));
    const QString formatName
        = args.take(QStringLiteral("--format")).value_or(QStringLiteral("unified"));
    const auto stateDir = args.take(QStringLiteral("--state"));
    const auto admin = args.take(QStringLiteral("--admin"));
    const auto tokenFile = args.take(QStringLiteral("--token-file"));
    if (auto e = args.error()) {
        err() << "airgatectl diff: " << *e << '\n';
        return ExitUsage;
    }
    if (auto u = args.unknownOption()) {
        err() << "airgatectl diff: unknown option " << *u << '\n';
        return ExitUsage;
    }
    if (!against) {
        err() << "airgatectl diff: --against DIR|FILE|git:REV|gateway is required\n";
        return ExitUsage;
    }
    GitOps::DiffFormat format;
    if (!GitOps::parseDiffFormat(formatName, format)) {
        err() << "airgatectl diff: unknown format \"" << formatName
              << "\" (unified, json, markdown)\n";
        return ExitUsage;
    }
    auto ws = Workspace::load(path);
    if (!ws) {
        err() << "airgatectl diff: " << ws.error().message << '\n';
        return ExitUsage;
    }
    auto mine = GitOps::workspaceManifests(*ws, QStringLiteral("workspace"));
    if (!mine) {
        err() << "airgatectl diff: " << mine.error().message << '\n';
        return ExitUsage;
    }
    Result<GitOps::ManifestSet> other = makeError(Error::Code::Invalid, QString());
    if (*against == QLatin1StringView("gateway")) {
        auto endpoint = findGateway(ws->root(), stateDir, admin, tokenFile);
        other = endpoint ? fetchServed(*endpoint) : Result<GitOps::ManifestSet>(endpoint.error());
    } else {
        other = GitOps::loadAgainst(*against, ws->root());
    }
    if (!other) {
        err() << "airgatectl diff: " << other.error().message << '\n';
        return ExitUsage;
    }
    const GitOps::SemanticDiff diff = GitOps::diffObjects(other->objects, mine->objects);
    for (const QString &n : other->notes + diff.notes)
        err() << n << '\n';
    out() << QString::fromUtf8(
        GitOps::renderDiff(diff, format, other->label, QStringLiteral("workspace")));
    out().flush();
    if (format == GitOps::DiffFormat::Unified)
        err() << diff.count(GitOps::ResourceChange::Type::Changed) << " changed, "
              << diff.count(GitOps::ResourceChange::Type::Added) << " added, "
              << diff.count(GitOps::ResourceChange::Type::Removed) << " removed, " << diff.unchanged
              << " unchanged\n";
    return diff.isEmpty() ? ExitOk : ExitFindings;
}

} // namespace Airgate::Cli
