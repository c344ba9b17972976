// SPDX-License-Identifier: Apache-2.0
#include "openapidocument.h"

#include "io/atomicfile.h"
#include "jsonpointer.h"
#include "swagger2.h"
#include "yaml/yamlparser.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

#include <deque>

namespace Airgate::OpenApi {

QString Problem::toString() const
{
    QString where = file;
    if (line > 0)
        where += QStringLiteral(":%1:%2").arg(line).arg(column);
    return where.isEmpty() ? message : where + QStringLiteral(": ") + message;
}

const QStringList &methods()
{
    static const QStringList m {QStringLiteral("get"),     QStringLiteral("put"),
                                QStringLiteral("post"),    QStringLiteral("delete"),
                                QStringLiteral("options"), QStringLiteral("head"),
                                QStringLiteral("patch"),   QStringLiteral("trace")};
    return m;
}

QString documentFormat(const QJsonObject &top)
{
    for (const char *key : {"openapi", "swagger", "asyncapi"}) {
        const QJsonValue v = top.value(QLatin1StringView(key));
        if (v.isUndefined())
            continue;
        const QString version = v.isString() ? v.toString()
            : v.isDouble()                   ? QString::number(v.toDouble())
                                             : QString();
        return QLatin1StringView(key) + u' ' + version;
    }
    return {};
}

namespace {

bool isRemote(const QString &ref)
{
    return ref.startsWith(QLatin1StringView("//")) || ref.contains(QLatin1StringView("://"))
        || ref.startsWith(QLatin1StringView("urn:"), Qt::CaseInsensitive);
}

/** Line and column (1-based) of a byte offset. */
std::pair<int, int> lineColumn(const QByteArray &text, qsizetype offset)
{
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return {line, static_cast<int>(offset - lineStart + 1)};
}

} // namespace

bool mayReferToFiles(const QByteArray &text)
{
    qsizetype at = 0;
    while ((at = text.indexOf("$ref", at)) >= 0) {
        at += 4;
        qsizetype i = at;
        if (i < text.size() && (text[i] == '"' || text[i] == '\''))
            ++i;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
            ++i;
        if (i >= text.size() || text[i] != ':')
            continue;
        ++i;
        while (i < text.size()
               && (text[i] == ' ' || text[i] == '\t' || text[i] == '"' || text[i] == '\''))
            ++i;
        if (i < text.size() && text[i] != '#')
            return true;
    }
    return false;
}

namespace {

/** Parses JSON or YAML text into a tree; problems with line:column. */
Result<QJsonValue> parseTree(const QByteArray &bytes, const QString &name)
{
    qsizetype first = 0;
    while (first < bytes.size() && QChar::isSpace(uchar(bytes[first])))
        ++first;
    if (first < bytes.size() && (bytes[first] == '{' || bytes[first] == '[')) {
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
        if (!doc.isNull())
            return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        // JSON is YAML too: a file that is not strict JSON gets libyaml's verdict below.
    }
    std::vector<Yaml::Problem> problems;
    const Yaml::NodePtr root = Yaml::parseSingleDocument(
        std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())), problems);
    for (const auto &p : problems)
        if (p.severity == Yaml::Problem::Severity::Error)
            return makeError(Error::Code::Parse,
                             QStringLiteral("%1:%2:%3: %4")
                                 .arg(name)
                                 .arg(p.mark.line)
                                 .arg(p.mark.column)
                                 .arg(QString::fromStdString(p.message)));
    return yamlToJson(root.get());
}

} // namespace

QStringList externalReferences(const QJsonValue &tree)
{
    QStringList out;
    std::vector<std::pair<QJsonValue, int>> stack {{tree, 0}};
    while (!stack.empty()) {
        auto [v, depth] = stack.back();
        stack.pop_back();
        if (depth > kMaxWalkDepth)
            continue;
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it) {
                if (it.key() == QLatin1StringView("$ref") && it.value().isString()) {
                    const QString ref = it.value().toString();
                    const QString file = ref.section(u'#', 0, 0);
                    if (!file.isEmpty() && !out.contains(file))
                        out << file;
                } else if (it.value().isObject() || it.value().isArray()) {
                    stack.emplace_back(it.value(), depth + 1);
                }
            }
        } else if (v.isArray()) {
            for (const QJsonValue &i : v.toArray())
                if (i.isObject() || i.isArray())
                    stack.emplace_back(i, depth + 1);
        }
    }
    return out;
}

QStringList externalReferences(const Yaml::Node &tree)
{
    QStringList out;
    std::vector<std::pair<const Yaml::Node *, int>> stack {{&tree, 0}};
    while (!stack.empty()) {
        auto [n, depth] = stack.back();
        stack.pop_back();
        if (depth > kMaxWalkDepth)
            continue;
        if (n->isMap()) {
            for (const auto &e : n->entries) {
                if (!e.value)
                    continue;
                if (e.key == "$ref" && e.value->isScalar()) {
                    const QString file = QString::fromStdString(e.value->value).section(u'#', 0, 0);
                    if (!file.isEmpty() && !out.contains(file))
                        out << file;
                } else if (e.value->isMap() || e.value->isSequence()) {
                    stack.emplace_back(e.value.get(), depth + 1);
                }
            }
        } else if (n->isSequence()) {
            for (const auto &i : n->items)
                if (i && (i->isMap() || i->isSequence()))
                    stack.emplace_back(i.get(), depth + 1);
        }
    }
    return out;
}

QString documentFormat(const Yaml::Node &top)
{
    if (!top.isMap())
        return {};
    for (const char *key : {"openapi", "swagger", "asyncapi"})
        if (const Yaml::Node *v = top.get(key); v && v->isScalar())
            return QLatin1StringView(key) + u' ' + QString::fromStdString(v->value);
    return {};
}

/** @brief Reads a document and the files it refers to, and bundles them into one tree. */
class Loader
{
public:
    Loader(const LoadOptions &options, Document &doc)
        : m_options(options)
        , m_doc(doc)
    {
    }

    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }

    Status run(const QString &file, const QByteArray *inMemory)
    {
        if (cancelled())
            return makeError(Error::Code::Refused,
                             QStringLiteral("%1: loading cancelled").arg(file));
        QByteArray bytes;
        if (inMemory) {
            bytes = *inMemory;
        } else {
            auto read = Io::readFile(file, kMaxDocumentBytes);
            if (!read)
                return read.error();
            bytes = std::move(read).value();
        }
        auto tree = parseTree(bytes, file);
        if (!tree)
            return tree.error();
        if (!tree->isObject())
            return makeError(Error::Code::Parse,
                             QStringLiteral("%1: not an OpenAPI document (the top level is not a "
                                            "mapping)")
                                 .arg(file));
        QJsonObject root = tree->toObject();
        const QString format = documentFormat(root);
        if (!format.startsWith(QLatin1StringView("openapi "))
            && !format.startsWith(QLatin1StringView("swagger ")))
            return makeError(Error::Code::Parse,
                             QStringLiteral("%1: no \"openapi\" or \"swagger\" field; not an "
                                            "OpenAPI document")
                                 .arg(file));
        m_doc.m_sourceVersion = format.section(u' ', 1);
        m_doc.m_files << file;
        if (!inMemory) {
            const QFileInfo info(file);
            m_rootDir = QFileInfo(m_options.root.isEmpty() ? info.absolutePath() : m_options.root)
                            .canonicalFilePath();
            m_mainPath = info.canonicalFilePath();
        }
        if (mayReferToFiles(bytes)) {
            bool changed = false;
            const QJsonValue rewritten
                = rewrite(root, Source {m_mainPath, {}, file, &bytes}, 0, changed);
            if (changed)
                root = rewritten.toObject();
        }
        // Files reached through references, breadth first (a chain of files costs no stack).
        QJsonObject files;
        while (!m_queue.empty()) {
            if (cancelled())
                return makeError(Error::Code::Refused,
                                 QStringLiteral("%1: loading cancelled").arg(file));
            const auto [path, id] = m_queue.front();
            m_queue.pop_front();
            auto read = Io::readFile(path, kMaxDocumentBytes);
            if (!read) {
                problem(Problem::Severity::Error, id, 0, 0, read.error().message);
                continue;
            }
            const QString suffix = QFileInfo(path).suffix().toLower();
            if (suffix != QLatin1StringView("json") && suffix != QLatin1StringView("yaml")
                && suffix != QLatin1StringView("yml")) {
                // Code samples and descriptions referenced as text (Redocly's x-codeSamples).
                files.insert(id, QString::fromUtf8(*read));
                m_doc.m_files << id;
                continue;
            }
            auto t = parseTree(*read, id);
            if (!t) {
                problem(Problem::Severity::Error, QString(), 0, 0, t.error().message);
                continue;
            }
            bool changed = false;
            QJsonValue v = *t;
            if (read->contains("$ref"))
                v = rewrite(v, Source {path, id, id, &read.value()}, 0, changed);
            files.insert(id, v);
            m_doc.m_files << id;
        }
        if (!files.isEmpty())
            root.insert(QLatin1StringView(kFilesKey), files);
        if (cancelled())
            return makeError(Error::Code::Refused,
                             QStringLiteral("%1: loading cancelled").arg(file));
        if (m_doc.isSwagger2())
            root = normaliseSwagger2(root);
        m_doc.m_root = root;
        return {};
    }

private:
    struct Source
    {
        QString path; ///< canonical path of the file holding the reference (empty: in memory)
        QString id; ///< its key under x-airgate-files; empty for the document itself
        QString display; ///< its name in messages
        const QByteArray *text;
    };

    void problem(Problem::Severity s, const QString &file, int line, int column,
                 const QString &message)
    {
        Problem p;
        p.severity = s;
        p.file = file;
        p.line = line;
        p.column = column;
        p.message = message;
        m_doc.m_problems << p;
    }

    void refProblem(const Source &src, const QString &ref, const QString &why)
    {
        const QString key = src.display + u'|' + ref;
        if (m_reported.contains(key))
            return;
        m_reported.insert(key);
        // JSON trees keep no positions: find the reference in the text it came from.
        int line = 0;
        int column = 0;
        if (src.text) {
            const qsizetype at = src.text->indexOf(ref.toUtf8());
            if (at >= 0)
                std::tie(line, column) = lineColumn(*src.text, at);
        }
        // Tools skip extensions (x-codeSamples…): a reference there cannot break the document.
        problem(m_inExtension ? Problem::Severity::Warning : Problem::Severity::Error, src.display,
                line, column, QStringLiteral("$ref \"%1\" refused: %2").arg(ref, why));
    }

    static QString bundledPointer(const QString &id, const QString &fragment)
    {
        QString f = fragment;
        if (!f.isEmpty() && !f.startsWith(u'/'))
            f.prepend(u'/');
        return QStringLiteral("#/") + QLatin1StringView(kFilesKey) + u'/' + escapeToken(id) + f;
    }

    /** The local pointer a reference becomes, or empty when it is refused. */
    QString target(const Source &src, const QString &ref)
    {
        if (ref.startsWith(u'#'))
            return src.id.isEmpty() ? ref : bundledPointer(src.id, ref.mid(1));
        if (isRemote(ref)) {
            refProblem(src, ref,
                       QStringLiteral("only files inside the workspace are read; nothing is "
                                      "fetched (keep a local copy and refer to it by a relative "
                                      "path)"));
            return {};
        }
        if (src.path.isEmpty() || m_rootDir.isEmpty()) {
            refProblem(src, ref,
                       QStringLiteral("a document read from memory cannot refer to "
                                      "files"));
            return {};
        }
        const QString filePart = QUrl::fromPercentEncoding(ref.section(u'#', 0, 0).toUtf8());
        const QString fragment = ref.contains(u'#') ? ref.section(u'#', 1) : QString();
        if (QDir::isAbsolutePath(filePart)) {
            refProblem(src, ref,
                       QStringLiteral("absolute paths are not allowed; refer to files "
                                      "by a path relative to the document"));
            return {};
        }
        const QString abs
            = QDir::cleanPath(QFileInfo(src.path).absoluteDir().absoluteFilePath(filePart));
        const QString leaves = QStringLiteral("it leaves the workspace (%1); only files inside "
                                              "it are read")
                                   .arg(m_rootDir);
        // Outside first: whether a file out there exists is none of the document's business.
        if (abs != m_rootDir && !abs.startsWith(m_rootDir + u'/')) {
            refProblem(src, ref, leaves);
            return {};
        }
        const QFileInfo info(abs);
        if (!info.exists()) {
            refProblem(src, ref, QStringLiteral("%1 does not exist").arg(filePart));
            return {};
        }
        const QString canonical = info.canonicalFilePath();
        if (canonical != m_rootDir && !canonical.startsWith(m_rootDir + u'/')) {
            refProblem(src, ref, leaves); // a link pointing out
            return {};
        }
        if (canonical == m_mainPath)
            return fragment.isEmpty() ? QStringLiteral("#") : u'#' + fragment;
        auto it = m_ids.constFind(canonical);
        if (it == m_ids.cend()) {
            if (m_ids.size() >= kMaxExternalFiles) {
                refProblem(src, ref,
                           QStringLiteral("more than %1 files referenced").arg(kMaxExternalFiles));
                return {};
            }
            const QString id = QDir(m_rootDir).relativeFilePath(canonical);
            it = m_ids.insert(canonical, id);
            m_queue.emplace_back(canonical, id);
        }
        return bundledPointer(*it, fragment);
    }

    /** The tree with every reference made local; unchanged subtrees are shared. */
    QJsonValue rewrite(const QJsonValue &v, const Source &src, int depth, bool &changed)
    {
        changed = false;
        if (depth > kMaxWalkDepth)
            return v;
        if (v.isObject()) {
            const QJsonObject original = v.toObject();
            QJsonObject o = original;
            for (auto it = original.begin(); it != original.end(); ++it) {
                if (it.key() == QLatin1StringView("$ref") && it.value().isString()) {
                    const QString ref = it.value().toString();
                    const QString local = target(src, ref);
                    if (local != ref && !local.isEmpty()) {
                        o.insert(it.key(), local);
                        changed = true;
                    }
                    continue;
                }
                if (!it.value().isObject() && !it.value().isArray())
                    continue;
                if (it.key() == QLatin1StringView("discriminator")) {
                    // Mapping values are references too (OpenAPI 3 §4.8.25), to files as well.
                    QJsonObject d = it.value().toObject();
                    QJsonObject mapping = d.value(QStringLiteral("mapping")).toObject();
                    bool c = false;
                    for (auto m = mapping.begin(); m != mapping.end(); ++m) {
                        const QString ref = m.value().toString();
                        if (!ref.contains(u'#') && !ref.contains(u'/') && !ref.contains(u'.'))
                            continue; // a schema name
                        const QString local = target(src, ref);
                        if (!local.isEmpty() && local != ref) {
                            m.value() = local;
                            c = true;
                        }
                    }
                    if (c) {
                        d.insert(QStringLiteral("mapping"), mapping);
                        o.insert(it.key(), d);
                        changed = true;
                    }
                    continue;
                }
                bool c = false;
                const bool outer = m_inExtension;
                m_inExtension = outer || it.key().startsWith(QLatin1StringView("x-"));
                const QJsonValue nv = rewrite(it.value(), src, depth + 1, c);
                m_inExtension = outer;
                if (c) {
                    o.insert(it.key(), nv);
                    changed = true;
                }
            }
            return changed ? QJsonValue(o) : v;
        }
        if (v.isArray()) {
            QJsonArray a = v.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                const QJsonValue item = a.at(i);
                if (!item.isObject() && !item.isArray())
                    continue;
                bool c = false;
                const QJsonValue nv = rewrite(item, src, depth + 1, c);
                if (c) {
                    a.replace(i, nv);
                    changed = true;
                }
            }
            return changed ? QJsonValue(a) : v;
        }
        return v;
    }

    LoadOptions m_options;
    Document &m_doc;
    QString m_rootDir;
    QString m_mainPath;
    QHash<QString, QString> m_ids; ///< canonical path → id
    QSet<QString> m_reported; ///< "file|ref" already in problems
    bool m_inExtension = false; ///< the walk is under an `x-` key
    std::deque<std::pair<QString, QString>> m_queue;
};

Result<std::shared_ptr<const Document>> Document::load(const QString &file,
                                                       const LoadOptions &options)
{
    std::shared_ptr<Document> doc(new Document);
    doc->m_name = file;
    Loader loader(options, *doc);
    const Status st = loader.run(file, nullptr);
    if (!st)
        return st.error();
    doc->index();
    return std::shared_ptr<const Document>(std::move(doc));
}

Result<std::shared_ptr<const Document>> Document::fromBytes(const QByteArray &bytes,
                                                            const QString &name)
{
    std::shared_ptr<Document> doc(new Document);
    doc->m_name = name;
    Loader loader({}, *doc);
    const Status st = loader.run(name, &bytes);
    if (!st)
        return st.error();
    doc->index();
    return std::shared_ptr<const Document>(std::move(doc));
}

void Document::index()
{
    const QJsonArray servers = m_root.value(QStringLiteral("servers")).toArray();
    if (!servers.isEmpty()) {
        const QJsonObject server = servers.first().toObject();
        QString url = server.value(QStringLiteral("url")).toString();
        // Server variables take their defaults (OpenAPI 3 §4.8.6).
        const QJsonObject vars = server.value(QStringLiteral("variables")).toObject();
        for (auto it = vars.begin(); it != vars.end(); ++it)
            url.replace(u'{' + it.key() + u'}',
                        it.value().toObject().value(QStringLiteral("default")).toString());
        QString path = QUrl(url).path();
        while (path.endsWith(u'/'))
            path.chop(1);
        m_basePath = path;
    }
    const QJsonObject paths = m_root.value(QStringLiteral("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        if (!p.key().startsWith(u'/'))
            continue;
        const QJsonObject item = resolveObject(p.value());
        for (const QString &m : methods()) {
            const auto it = item.constFind(m);
            if (it == item.constEnd())
                continue;
            Operation op;
            op.method = m.toUpper();
            op.path = p.key();
            op.object = resolveObject(it.value());
            for (const QJsonValue &t : op.object.value(QStringLiteral("tags")).toArray())
                op.tags << t.toString();
            op.operationId = op.object.value(QStringLiteral("operationId")).toString();
            op.pathParameters = item.value(QStringLiteral("parameters")).toArray();
            m_operations.push_back(std::move(op));
        }
    }
}

QString Document::title() const
{
    return m_root.value(QStringLiteral("info"))
        .toObject()
        .value(QStringLiteral("title"))
        .toString();
}

QJsonValue Document::pointer(const QString &ref) const
{
    if (!ref.startsWith(u'#'))
        return QJsonValue(QJsonValue::Undefined);
    return followPointer(m_root, pointerTokens(ref));
}

QJsonValue Document::resolve(const QJsonValue &value) const
{
    if (!value.isObject())
        return value;
    const QJsonObject o = value.toObject();
    const auto refIt = o.constFind(QLatin1StringView("$ref"));
    if (refIt == o.constEnd() || !refIt.value().isString())
        return value;
    const QString first = refIt.value().toString();
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_resolved.constFind(first);
        if (it != m_resolved.cend())
            return *it;
    }
    QJsonValue cur = value;
    QJsonValue result(QJsonValue::Undefined);
    for (int hop = 0; hop < kMaxRefHops; ++hop) {
        const QJsonObject co = cur.toObject();
        const auto r = co.constFind(QLatin1StringView("$ref"));
        if (!cur.isObject() || r == co.constEnd() || !r.value().isString()) {
            result = cur;
            break;
        }
        cur = pointer(r.value().toString());
        if (cur.isUndefined())
            break;
    }
    QMutexLocker lock(&m_mutex);
    m_resolved.insert(first, result);
    return result;
}

QByteArray Document::json() const
{
    QMutexLocker lock(&m_mutex);
    if (m_json.isEmpty())
        m_json = QJsonDocument(m_root).toJson(QJsonDocument::Compact);
    return m_json;
}

} // namespace Airgate::OpenApi
