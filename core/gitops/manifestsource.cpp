// SPDX-License-Identifier: Apache-2.0
#include "manifestsource.h"

#include "gitrepository.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Airgate::GitOps {

Result<ManifestSet> workspaceManifests(const Workspace &ws, const QString &label)
{
    for (const Diagnostic &d : ws.loadDiagnostics())
        if (d.isError())
            return makeError(Error::Code::Parse,
                             d.line > 0 ? QStringLiteral("%1:%2:%3: %4")
                                              .arg(d.file)
                                              .arg(d.line)
                                              .arg(d.column)
                                              .arg(d.message)
                                        : d.file + QStringLiteral(": ") + d.message);
    ManifestSet set;
    set.label = label;
    set.objects.reserve(ws.resources().size());
    for (const Resource &r : ws.resources())
        set.objects.push_back(
            {r.node, r.source.file, r.source.mark, r.source.document, r.source.item});
    return set;
}

Result<ManifestSet> filesManifests(const QString &root,
                                   const QList<QPair<QString, QByteArray>> &files,
                                   const QString &label)
{
    QList<QPair<QString, QByteArray>> manifests;
    for (const auto &f : files)
        if (Workspace::isManifestPath(f.first))
            manifests.append(f);
    const Workspace ws = Workspace::fromFiles(root, manifests);
    auto set = workspaceManifests(ws, label);
    if (!set) {
        Error e = set.error();
        e.message = label + QStringLiteral(": ") + e.message;
        return e;
    }
    return set;
}

Result<ManifestSet> loadAgainst(const QString &spec, const QString &workspaceDir)
{
    if (spec.startsWith(QLatin1StringView("git:"))) {
        const QString rev = spec.mid(4);
        if (rev.isEmpty())
            return makeError(Error::Code::Invalid,
                             QStringLiteral("git: needs a revision, e.g. git:HEAD"));
        auto repo = GitRepository::discover(workspaceDir);
        if (!repo)
            return repo.error();
        auto files = repo->manifestsAt(rev, workspaceDir);
        if (!files)
            return files.error();
        return filesManifests(QFileInfo(workspaceDir).absoluteFilePath(), *files, spec);
    }
    const QFileInfo info(spec);
    if (spec != QLatin1StringView("-") && !info.exists())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("%1: no such file or folder").arg(spec));
    if (info.isDir()) {
        auto ws = Workspace::load(spec);
        if (!ws)
            return ws.error();
        return workspaceManifests(*ws, spec);
    }
    auto dump = readDumpFile(spec);
    if (!dump)
        return dump.error();
    ManifestSet set;
    set.label = spec == QLatin1StringView("-") ? QStringLiteral("stdin") : spec;
    set.objects = std::move(dump->objects);
    set.notes = dump->notes;
    return set;
}

Result<ManifestSet> servedManifests(const QByteArray &json, const QString &label, QString *served)
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(Error::Code::Parse,
                         QStringLiteral("%1: %2").arg(label,
                                                      perr.error != QJsonParseError::NoError
                                                          ? perr.errorString()
                                                          : QStringLiteral("not an object")));
    const QJsonObject o = doc.object();
    QList<QPair<QString, QByteArray>> files;
    for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray()) {
        const QJsonObject f = v.toObject();
        const QByteArray bytes = f.contains(QStringLiteral("contentBase64"))
            ? QByteArray::fromBase64(f.value(QStringLiteral("contentBase64")).toString().toLatin1())
            : f.value(QStringLiteral("content")).toString().toUtf8();
        files.append({f.value(QStringLiteral("path")).toString(), bytes});
    }
    if (served)
        *served = QStringLiteral("generation %1 (from the %2)")
                      .arg(o.value(QStringLiteral("generation")).toInteger())
                      .arg(o.value(QStringLiteral("source")).toString());
    return filesManifests(o.value(QStringLiteral("workspace")).toString(), files, label);
}

} // namespace Airgate::GitOps
