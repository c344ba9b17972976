// SPDX-License-Identifier: Apache-2.0
#include "exporter.h"

#include "io/atomicfile.h"
#include "yaml/yamlemitter.h"

#include <QDir>
#include <QFileInfo>
#include <QUuid>

#include <algorithm>

namespace Airgate {

namespace {

const QString kMarker = QStringLiteral(".airgate-export");

QString plural(const Resource &r)
{
    if (r.kind == Kind::Unknown)
        return r.kindName.toLower() + u's';
    return Exporter::kindPlural(r.kindName);
}

QString nsFolder(const Resource &r)
{
    return r.ns.isEmpty() ? QStringLiteral("_no-namespace") : r.ns;
}

QByteArray emitResource(const Resource &r)
{
    Yaml::NodePtr copy
        = std::make_shared<Yaml::Node>(*r.node); // shallow: only top-level entries change
    copy->remove("status");
    return QByteArray::fromStdString(Yaml::emitDocument(*copy));
}

std::vector<const Resource *> ordered(const Workspace &ws)
{
    std::vector<const Resource *> out;
    for (const Resource &r : ws.resources())
        out.push_back(&r);
    std::stable_sort(out.begin(), out.end(), [](const Resource *a, const Resource *b) {
        const int oa = Exporter::applyOrder(a->kind);
        const int ob = Exporter::applyOrder(b->kind);
        if (oa != ob)
            return oa < ob;
        if (a->ns != b->ns)
            return a->ns < b->ns;
        return a->name < b->name;
    });
    return out;
}

QByteArray joinDocs(const QList<QByteArray> &docs)
{
    QByteArray out;
    for (const QByteArray &d : docs) {
        out += "---\n";
        out += d;
    }
    return out;
}

} // namespace

bool parseExportLayout(const QString &name, ExportLayout &out)
{
    if (name == QLatin1StringView("bundle"))
        out = ExportLayout::Bundle;
    else if (name == QLatin1StringView("namespaces"))
        out = ExportLayout::Namespaces;
    else if (name == QLatin1StringView("kustomize"))
        out = ExportLayout::Kustomize;
    else
        return false;
    return true;
}

QString Exporter::kindPlural(const QString &kindName)
{
    QString k = kindName.toLower();
    if (k.endsWith(u'y'))
        return k.chopped(1) + QStringLiteral("ies");
    if (k.endsWith(u's'))
        return k + QStringLiteral("es");
    return k + u's';
}

int Exporter::applyOrder(Kind kind)
{
    switch (kind) {
    case Kind::Secret:
    case Kind::ConfigMap:
        return 0;
    case Kind::Service:
        return 1;
    case Kind::Middleware:
        return 2;
    case Kind::APIAuth:
    case Kind::APIPortalAuth:
        return 3;
    case Kind::APIPlan:
        return 4;
    case Kind::APIVersion:
        return 5;
    case Kind::API:
        return 6;
    case Kind::APIBundle:
        return 7;
    case Kind::APIPortal:
        return 8;
    case Kind::APICatalogItem:
        return 9;
    case Kind::ManagedApplication:
        return 10;
    case Kind::ManagedSubscription:
        return 11;
    case Kind::APIRateLimit:
        return 12;
    case Kind::IngressRoute:
        return 13;
    case Kind::Unknown:
        return 14;
    }
    return 14;
}

QMap<QString, QByteArray> Exporter::render(const Workspace &ws, ExportLayout layout)
{
    QMap<QString, QByteArray> files;
    const auto resources = ordered(ws);
    switch (layout) {
    case ExportLayout::Bundle: {
        QList<QByteArray> docs;
        for (const Resource *r : resources)
            docs << emitResource(*r);
        files.insert(QStringLiteral("bundle.yaml"), joinDocs(docs));
        break;
    }
    case ExportLayout::Namespaces: {
        QMap<QString, QList<QByteArray>> byFile;
        for (const Resource *r : resources)
            byFile[nsFolder(*r) + u'/' + plural(*r) + QStringLiteral(".yaml")] << emitResource(*r);
        for (auto it = byFile.cbegin(); it != byFile.cend(); ++it)
            files.insert(it.key(), joinDocs(it.value()));
        break;
    }
    case ExportLayout::Kustomize: {
        QStringList listed;
        for (const Resource *r : resources) {
            QString path = nsFolder(*r) + u'/' + r->kindName.toLower() + u'-' + r->name
                + QStringLiteral(".yaml");
            int n = 2;
            while (files.contains(path))
                path = nsFolder(*r) + u'/' + r->kindName.toLower() + u'-' + r->name + u'-'
                    + QString::number(n++) + QStringLiteral(".yaml");
            files.insert(path, emitResource(*r));
            listed << path;
        }
        // Named `Kustomization` (a name kustomize accepts) so manifest checkers that read
        // every *.yaml do not mistake it for a resource.
        QByteArray k
            = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n";
        for (const QString &p : listed)
            k += "- " + QByteArray::fromStdString(Yaml::emitScalarString(p.toStdString())) + '\n';
        files.insert(QStringLiteral("Kustomization"), k);
        break;
    }
    }
    return files;
}

Status Exporter::write(const Workspace &ws, ExportLayout layout, const QString &outDir)
{
    const QFileInfo target(outDir);
    const QString abs = target.absoluteFilePath();
    if (target.exists()) {
        if (!target.isDir())
            return makeError(Error::Code::Refused,
                             QStringLiteral("%1 exists and is not a folder").arg(outDir));
        const QDir d(abs);
        const bool empty
            = d.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty();
        if (!empty && !d.exists(kMarker))
            return makeError(
                Error::Code::Refused,
                QStringLiteral(
                    "%1 is not empty and was not made by airgatectl export; choose another --out")
                    .arg(outDir));
        const QString wsRoot = QDir(ws.root()).absolutePath();
        if (abs == wsRoot || wsRoot.startsWith(abs + u'/'))
            return makeError(Error::Code::Refused,
                             QStringLiteral("--out must not contain the workspace"));
    }
    const QString parent = QFileInfo(abs).absolutePath();
    if (!QDir().mkpath(parent))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(parent));
    const QString staging = parent + QStringLiteral("/.") + QFileInfo(abs).fileName()
        + QStringLiteral(".staging-") + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QMap<QString, QByteArray> files = render(ws, layout);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const Status st = Io::writeFileAtomically(staging + u'/' + it.key(), it.value());
        if (!st) {
            QDir(staging).removeRecursively();
            return st;
        }
    }
    const Status marker = Io::writeFileAtomically(
        staging + u'/' + kMarker,
        QByteArrayLiteral("Made by airgatectl export; replaced by the next export.\n"));
    if (!marker) {
        QDir(staging).removeRecursively();
        return marker;
    }
    // Swap: old → backup, staging → target, drop backup. A crash in between leaves both intact.
    QString backup;
    if (target.exists()) {
        backup = staging + QStringLiteral(".old");
        if (!QDir().rename(abs, backup)) {
            QDir(staging).removeRecursively();
            return makeError(
                Error::Code::Io,
                QStringLiteral("cannot move the previous export %1 aside").arg(outDir));
        }
    }
    if (!QDir().rename(staging, abs)) {
        if (!backup.isEmpty())
            QDir().rename(backup, abs);
        QDir(staging).removeRecursively();
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot move the export into %1").arg(outDir));
    }
    if (!backup.isEmpty())
        QDir(backup).removeRecursively();
    return {};
}

} // namespace Airgate
