// SPDX-License-Identifier: Apache-2.0
// Rule `openapi`: the API descriptions of the workspace (files that say `openapi:` or
// `swagger:`, and the ones airgate.yaml names) load the way the gateway, the portal and the
// console wizard will read them: parseable, and every `$ref` inside the workspace.
#include "openapi/openapidocument.h"
#include "validator.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QRegularExpression>

namespace Airgate {

namespace {

/** Loading Stripe's description takes tens of milliseconds: the console validates on every
 * edit, so results are kept per file until the file changes on disk. */
struct Cached
{
    QList<std::pair<QString, QDateTime>> stamps; ///< every file read, with its time
    QString root;
    Diagnostics diagnostics;
    bool fresh(const QString &r) const
    {
        if (r != root)
            return false;
        for (const auto &[file, time] : stamps)
            if (QFileInfo(file).lastModified() != time)
                return false;
        return true;
    }
};

QMutex g_cacheMutex;
QHash<QString, Cached> g_cache;

Diagnostics check(const QString &abs, const QString &root, Cached &cache)
{
    cache.root = root;
    cache.stamps = {{abs, QFileInfo(abs).lastModified()}};
    const QDir dir(root);
    auto relative = [&dir](const QString &file) {
        const QString rel = QDir::isAbsolutePath(file) ? dir.relativeFilePath(file) : file;
        return rel.startsWith(QLatin1StringView("..")) ? file : rel;
    };
    Diagnostics out;
    OpenApi::LoadOptions options;
    options.root = root;
    auto doc = OpenApi::Document::load(abs, options);
    if (!doc) {
        Diagnostic d;
        d.message = doc.error().message;
        d.file = relative(abs);
        // "file:line:col: message" from the reader.
        static const QRegularExpression where(QStringLiteral("^(.*):(\\d+):(\\d+): (.*)$"));
        const auto m = where.match(d.message);
        if (m.hasMatch()) {
            d.file = relative(m.captured(1));
            d.line = m.captured(2).toInt();
            d.column = m.captured(3).toInt();
            d.message = m.captured(4);
        } else if (d.message.startsWith(abs + QStringLiteral(": "))) {
            d.message = d.message.mid(abs.size() + 2);
        }
        out << d;
        return out;
    }
    for (const QString &f : (*doc)->files().mid(1)) {
        const QString path = QDir(root).filePath(f);
        cache.stamps.append({path, QFileInfo(path).lastModified()});
    }
    for (const OpenApi::Problem &p : (*doc)->problems()) {
        Diagnostic d;
        d.severity = p.severity == OpenApi::Problem::Severity::Error
            ? Diagnostic::Severity::Error
            : Diagnostic::Severity::Warning;
        d.file = relative(p.file.isEmpty() ? abs : p.file);
        d.line = p.line;
        d.column = p.column;
        d.message = p.message;
        out << d;
    }
    return out;
}

} // namespace

QStringList openApiDocumentPaths(const Workspace &ws)
{
    QStringList out;
    const QDir root(ws.root());
    for (int i : ws.documentFiles()) {
        const WorkspaceFile &f = ws.files()[static_cast<size_t>(i)];
        if (f.documentFormat.startsWith(QLatin1StringView("openapi"))
            || f.documentFormat.startsWith(QLatin1StringView("swagger")))
            out << QDir::cleanPath(root.filePath(f.relPath));
    }
    for (const ServiceTarget &t : ws.settings().services)
        if (t.type == ServiceTarget::Type::Mock && !t.mockFile.isEmpty()
            && !out.contains(t.mockFile))
            out << t.mockFile;
    for (const QString &p : ws.settings().specs)
        if (!out.contains(p))
            out << p;
    return out;
}

void runOpenApiRule(RuleContext &ctx)
{
    const QString root = ctx.workspace.root();
    for (const QString &abs : openApiDocumentPaths(ctx.workspace)) {
        const QFileInfo info(abs);
        if (!info.exists())
            continue; // the settings rule says so
        std::optional<Diagnostics> found;
        {
            QMutexLocker lock(&g_cacheMutex);
            const auto it = g_cache.constFind(abs);
            if (it != g_cache.cend() && it->fresh(root))
                found = it->diagnostics;
        }
        if (!found) {
            Cached c;
            found = check(abs, root, c);
            c.diagnostics = *found;
            QMutexLocker lock(&g_cacheMutex);
            g_cache.insert(abs, c);
        }
        for (const Diagnostic &d : *found)
            ctx.add(d);
    }
}

} // namespace Airgate
