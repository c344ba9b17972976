// SPDX-License-Identifier: Apache-2.0
#include "openapi.h"

#include "openapi/jsonpointer.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace Airgate::Runtime::Portal {

namespace {

QString esc(const QString &s)
{
    QString out = s.toHtmlEscaped();
    // The page cache uses U+0001 for the form token: a document may not forge one.
    out.remove(kCsrfMarker);
    return out;
}

QString cut(const QString &s, int max)
{
    return s.size() <= max ? s : s.left(max) + QStringLiteral("…");
}

/** An anchor name: letters, digits and '-' only. */
QString slug(const QString &s)
{
    QString out;
    out.reserve(s.size());
    for (const QChar c : s)
        out += c.isLetterOrNumber() && c.unicode() < 128 ? c.toLower() : u'-';
    return out;
}

QString exampleText(const QJsonValue &ex)
{
    if (ex.isUndefined())
        return {};
    QString text;
    if (ex.isObject())
        text = QString::fromUtf8(QJsonDocument(ex.toObject()).toJson(QJsonDocument::Indented));
    else if (ex.isArray())
        text = QString::fromUtf8(QJsonDocument(ex.toArray()).toJson(QJsonDocument::Indented));
    else
        text = ex.toVariant().toString();
    return cut(text, kMaxExampleChars);
}

QString exampleOf(const OpenApi::Document &doc, const QJsonObject &media)
{
    QJsonValue ex = media.value(QStringLiteral("example"));
    if (ex.isUndefined()) {
        const QJsonObject examples = media.value(QStringLiteral("examples")).toObject();
        if (!examples.isEmpty())
            ex = doc.resolveObject(examples.begin().value()).value(QStringLiteral("value"));
    }
    if (ex.isUndefined())
        ex = doc.resolveObject(media.value(QStringLiteral("schema")))
                 .value(QStringLiteral("example"));
    return exampleText(ex);
}

/** @brief Renders one page; remembers the component schemas it links to. */
class Renderer
{
public:
    Renderer(const OpenApi::Document &doc, const std::function<QString(const char *)> &t)
        : m_doc(doc)
        , m_t(t)
    {
    }

    /** A schema's type in one line: links for references, bounded nesting. */
    QString typeHtml(const QJsonValue &schemaValue, int depth = 0)
    {
        const QJsonObject s0 = schemaValue.toObject();
        const QString ref = s0.value(QStringLiteral("$ref")).toString();
        if (!ref.isEmpty())
            return link(ref);
        if (depth > kMaxInlineSchemaDepth)
            return QStringLiteral("…");
        const QJsonObject &s = s0;
        for (const char *k : {"allOf", "oneOf", "anyOf"}) {
            const QJsonArray parts = s.value(QLatin1StringView(k)).toArray();
            if (parts.isEmpty())
                continue;
            QStringList each;
            for (qsizetype i = 0; i < parts.size() && i < kMaxEnumValues; ++i)
                each << typeHtml(parts.at(i), depth + 1);
            if (parts.size() > kMaxEnumValues)
                each << QStringLiteral("…");
            const char *label = qstrcmp(k, "allOf") == 0 ? QT_TRANSLATE_NOOP("Portal", "all of")
                : qstrcmp(k, "oneOf") == 0               ? QT_TRANSLATE_NOOP("Portal", "one of")
                                                         : QT_TRANSLATE_NOOP("Portal", "any of");
            return esc(m_t(label)) + QStringLiteral(" (") + each.join(QStringLiteral(", ")) + u')';
        }
        QStringList types;
        const QJsonValue tv = s.value(QStringLiteral("type"));
        if (tv.isString())
            types << tv.toString();
        for (const QJsonValue &x : tv.toArray())
            types << x.toString();
        if (types.isEmpty() && s.contains(QStringLiteral("properties")))
            types << QStringLiteral("object");
        if (types.isEmpty() && s.contains(QStringLiteral("items")))
            types << QStringLiteral("array");
        QString out;
        if (types.contains(QStringLiteral("array"))) {
            types.removeAll(QStringLiteral("array"));
            out = esc(m_t(QT_TRANSLATE_NOOP("Portal", "array of"))) + u' '
                + typeHtml(s.value(QStringLiteral("items")), depth + 1);
            if (!types.isEmpty())
                out += QStringLiteral(" | ") + esc(types.join(QStringLiteral(" | ")));
        } else {
            out = esc(types.join(QStringLiteral(" | ")));
        }
        if (s.contains(QStringLiteral("format")))
            out += QStringLiteral(" (") + esc(s.value(QStringLiteral("format")).toString()) + u')';
        const QJsonArray en = s.value(QStringLiteral("enum")).toArray();
        if (!en.isEmpty()) {
            QStringList values;
            for (qsizetype i = 0; i < en.size() && i < kMaxEnumValues; ++i)
                values
                    << QStringLiteral("<code>%1</code>").arg(esc(en.at(i).toVariant().toString()));
            if (en.size() > kMaxEnumValues)
                values << QStringLiteral("…");
            out += QStringLiteral(" <span class=\"enum\">")
                + esc(m_t(QT_TRANSLATE_NOOP("Portal", "one of:"))) + u' '
                + values.join(QStringLiteral(", ")) + QStringLiteral("</span>");
        }
        return out;
    }

    /** The properties of an object schema as a nested list; inline objects to a bound. */
    QString properties(const QJsonValue &schemaValue, int depth)
    {
        if (depth > kMaxInlineSchemaDepth)
            return {};
        QJsonObject s = schemaValue.toObject();
        if (s.contains(QStringLiteral("$ref")))
            return {}; // a link, rendered once in the schemas section
        QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        const QJsonArray required = s.value(QStringLiteral("required")).toArray();
        QString out;
        for (const char *k : {"allOf", "oneOf", "anyOf"})
            for (const QJsonValue &part : s.value(QLatin1StringView(k)).toArray())
                if (!part.toObject().contains(QStringLiteral("$ref")))
                    out += properties(part, depth + 1);
        if (props.isEmpty() && s.value(QStringLiteral("items")).isObject())
            return out + properties(s.value(QStringLiteral("items")), depth + 1);
        if (props.isEmpty())
            return out;
        out += QStringLiteral("<ul class=\"schema\">");
        for (auto it = props.begin(); it != props.end(); ++it) {
            const QJsonObject p = it.value().toObject();
            QString description = p.value(QStringLiteral("description")).toString();
            out += QStringLiteral("<li><code>%1</code> <span class=\"type\">%2</span>%3%4%5</li>")
                       .arg(esc(it.key()), typeHtml(it.value()),
                            required.contains(it.key())
                                ? QStringLiteral(" <span class=\"req\">*</span>")
                                : QString(),
                            description.isEmpty() ? QString()
                                                  : QStringLiteral(" — ")
                                    + esc(cut(description, kMaxDescriptionChars)),
                            properties(it.value(), depth + 1));
        }
        out += QStringLiteral("</ul>");
        return out;
    }

    /** Every schema linked so far, and the ones they link to, each once. */
    QString schemas()
    {
        QString out;
        for (qsizetype i = 0; i < m_linked.size(); ++i) {
            const QString ref = m_linked.at(i);
            const QJsonValue target = m_doc.pointer(ref);
            const QJsonObject s = target.toObject();
            QString body;
            if (s.contains(QStringLiteral("$ref")) || !s.contains(QStringLiteral("properties")))
                body = QStringLiteral("<p class=\"type\">%1</p>").arg(typeHtml(target));
            const QString description = s.value(QStringLiteral("description")).toString();
            if (!description.isEmpty())
                body
                    += QStringLiteral("<p>%1</p>").arg(esc(cut(description, kMaxDescriptionChars)));
            body += properties(target, 0);
            const QJsonValue example = s.value(QStringLiteral("example"));
            if (!example.isUndefined())
                body += QStringLiteral("<pre class=\"example\">%1</pre>")
                            .arg(esc(exampleText(example)));
            out += QStringLiteral("<section class=\"schema\" id=\"%1\"><h3>%2</h3>%3</section>")
                       .arg(anchor(ref), esc(nameOf(ref)), body);
        }
        return out;
    }

    bool anySchemas() const { return !m_linked.isEmpty(); }

private:
    QString link(const QString &ref)
    {
        if (!ref.startsWith(u'#') || m_doc.pointer(ref).isUndefined())
            return QStringLiteral("<span class=\"unresolved\">%1</span>").arg(esc(ref));
        if (!m_seen.contains(ref)) {
            m_seen.insert(ref);
            m_linked << ref;
        }
        return QStringLiteral("<a href=\"#%1\">%2</a>").arg(anchor(ref), esc(nameOf(ref)));
    }

    static QString nameOf(const QString &ref)
    {
        QString name = OpenApi::pointerTokens(ref).value(OpenApi::pointerTokens(ref).size() - 1);
        name = name.section(u'/', -1);
        for (const char *ext : {".yaml", ".yml", ".json"})
            if (name.endsWith(QLatin1StringView(ext)))
                name.chop(qsizetype(qstrlen(ext)));
        return name.isEmpty() ? ref : name;
    }

    static QString anchor(const QString &ref)
    {
        static const QString components = QStringLiteral("#/components/schemas/");
        return QStringLiteral("schema-")
            + slug(ref.startsWith(components) ? ref.mid(components.size()) : ref.mid(2));
    }

    const OpenApi::Document &m_doc;
    const std::function<QString(const char *)> &m_t;
    QStringList m_linked;
    QSet<QString> m_seen;
};

} // namespace

bool operationInSet(const OperationSet &set, const QString &method, const QString &path)
{
    for (const OperationMatcher &m : set.matchers) {
        if (!m.methods.isEmpty() && !m.methods.contains(method, Qt::CaseInsensitive))
            continue;
        if (!m.path.isEmpty() && m.path != path)
            continue;
        if (!m.pathPrefix.isEmpty() && !path.startsWith(m.pathPrefix))
            continue;
        if (!m.pathRegex.isEmpty() && !QRegularExpression(m.pathRegex).match(path).hasMatch())
            continue;
        return true;
    }
    return false;
}

QJsonObject filterDocument(const QJsonObject &doc, const QList<OperationSet> &sets,
                           const std::optional<QStringList> &allowedSets,
                           const QStringList &overrideServers)
{
    QJsonObject out = doc;
    if (!overrideServers.isEmpty()) {
        QJsonArray servers;
        for (const QString &u : overrideServers)
            servers.append(QJsonObject {{QStringLiteral("url"), u}});
        out.insert(QStringLiteral("servers"), servers);
    }
    if (!allowedSets)
        return out;
    QList<const OperationSet *> allowed;
    for (const OperationSet &s : sets)
        if (allowedSets->contains(s.name))
            allowed << &s;
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    QJsonObject kept;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        QJsonObject item = it.value().toObject();
        for (const QString &m : OpenApi::methods()) {
            if (!item.contains(m))
                continue;
            bool ok = false;
            for (const OperationSet *s : allowed)
                ok = ok || operationInSet(*s, m.toUpper(), it.key());
            if (!ok)
                item.remove(m);
        }
        bool any = false;
        for (const QString &m : OpenApi::methods())
            any = any || item.contains(m);
        if (any)
            kept.insert(it.key(), item);
    }
    out.insert(QStringLiteral("paths"), kept);
    return out;
}

int operationCount(const QJsonObject &doc)
{
    int n = 0;
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it)
        for (const QString &m : OpenApi::methods())
            n += it.value().toObject().contains(m);
    return n;
}

std::vector<const OpenApi::Operation *>
visibleOperations(const OpenApi::Document &doc, const QList<OperationSet> &sets,
                  const std::optional<QStringList> &allowedSets)
{
    std::vector<const OpenApi::Operation *> out;
    QList<const OperationSet *> allowed;
    if (allowedSets)
        for (const OperationSet &s : sets)
            if (allowedSets->contains(s.name))
                allowed << &s;
    for (const OpenApi::Operation &op : doc.operations()) {
        bool ok = !allowedSets;
        for (const OperationSet *s : allowed)
            ok = ok || operationInSet(*s, op.method, op.path);
        if (ok)
            out.push_back(&op);
    }
    return out;
}

QString renderOperations(const OpenApi::Document &doc,
                         const std::vector<const OpenApi::Operation *> &operations,
                         const RenderOptions &options,
                         const std::function<QString(const char *)> &t)
{
    Renderer render(doc, t);
    QMap<QString, QList<const OpenApi::Operation *>> byTag;
    QStringList tagOrder;
    for (const auto &tag : doc.root().value(QStringLiteral("tags")).toArray())
        tagOrder << tag.toObject().value(QStringLiteral("name")).toString();
    const QString untagged = t(QT_TRANSLATE_NOOP("Portal", "Operations"));
    for (const OpenApi::Operation *op : operations) {
        const QString tag = op->tags.value(0, untagged);
        if (!tagOrder.contains(tag))
            tagOrder << tag;
        byTag[tag] << op;
    }
    QString out;
    QString index;
    int n = 0;
    for (const QString &tag : tagOrder) {
        const QList<const OpenApi::Operation *> ops = byTag.value(tag);
        if (ops.isEmpty())
            continue;
        const QString tagId = QStringLiteral("tag-") + slug(tag);
        index += QStringLiteral("<li><a href=\"#%1\">%2</a> <span class=\"count\">%3</span></li>")
                     .arg(tagId, esc(tag))
                     .arg(ops.size());
        out += QStringLiteral("<section class=\"tag\" id=\"%1\"><h2>%2</h2>").arg(tagId, esc(tag));
        for (const OpenApi::Operation *o : ops) {
            const QJsonObject &op = o->object;
            const QString id = QStringLiteral("op-%1").arg(++n);
            // The method comes from the loader's fixed list: a safe class name (kept escaped).
            out += QStringLiteral("<details class=\"op\" id=\"%1\"><summary><span class=\"method "
                                  "m-%2\">%3</span> <code class=\"path\">%4</code> "
                                  "<span class=\"summary\">%5</span></summary>")
                       .arg(id, esc(o->method.toLower()), esc(o->method), esc(o->path),
                            esc(op.value(QStringLiteral("summary")).toString()));
            if (op.contains(QStringLiteral("description")))
                out += QStringLiteral("<p>%1</p>")
                           .arg(esc(cut(op.value(QStringLiteral("description")).toString(),
                                        kMaxDescriptionChars)));
            QList<QJsonObject> params;
            for (const QJsonValue &p : o->pathParameters)
                params << doc.resolveObject(p);
            for (const QJsonValue &p : op.value(QStringLiteral("parameters")).toArray())
                params << doc.resolveObject(p);
            QString form;
            if (!params.isEmpty()) {
                out += QStringLiteral("<h3>%1</h3><table class=\"params\"><thead><tr><th>%2</th>"
                                      "<th>%3</th><th>%4</th><th>%5</th></tr></thead><tbody>")
                           .arg(t(QT_TRANSLATE_NOOP("Portal", "Parameters")),
                                t(QT_TRANSLATE_NOOP("Portal", "Name")),
                                t(QT_TRANSLATE_NOOP("Portal", "In")),
                                t(QT_TRANSLATE_NOOP("Portal", "Type")),
                                t(QT_TRANSLATE_NOOP("Portal", "Description")));
                for (const QJsonObject &p : params) {
                    const QString name = p.value(QStringLiteral("name")).toString();
                    const QString in = p.value(QStringLiteral("in")).toString();
                    const bool req = p.value(QStringLiteral("required")).toBool();
                    out += QStringLiteral("<tr><td><code>%1</code>%2</td><td>%3</td><td>%4</td>"
                                          "<td>%5</td></tr>")
                               .arg(esc(name),
                                    req ? QStringLiteral(" <span class=\"req\">*</span>")
                                        : QString(),
                                    esc(in), render.typeHtml(p.value(QStringLiteral("schema"))),
                                    esc(cut(p.value(QStringLiteral("description")).toString(),
                                            kMaxDescriptionChars)));
                    if (in == QLatin1StringView("path") || in == QLatin1StringView("query"))
                        form += QStringLiteral("<label>%1 <small>(%2)</small><input name=\"%3:%1\" "
                                               "%4></label>")
                                    .arg(esc(name), esc(in), esc(in),
                                         req ? QStringLiteral("required") : QString());
                }
                out += QStringLiteral("</tbody></table>");
            }
            const QJsonObject body = doc.resolveObject(op.value(QStringLiteral("requestBody")));
            if (!body.isEmpty()) {
                out += QStringLiteral("<h3>%1</h3>")
                           .arg(t(QT_TRANSLATE_NOOP("Portal", "Request body")));
                const QJsonObject content = body.value(QStringLiteral("content")).toObject();
                for (auto c = content.begin(); c != content.end(); ++c) {
                    const QJsonObject media = c.value().toObject();
                    const QJsonValue schema = media.value(QStringLiteral("schema"));
                    out += QStringLiteral("<p><code>%1</code> <span class=\"type\">%2</span></p>")
                               .arg(esc(c.key()), render.typeHtml(schema));
                    out += render.properties(schema, 0);
                    const QString ex = exampleOf(doc, media);
                    if (!ex.isEmpty())
                        out += QStringLiteral("<pre class=\"example\">%1</pre>").arg(esc(ex));
                }
                form += QStringLiteral("<label>%1<textarea name=\"body\" rows=\"4\"></textarea>"
                                       "</label>")
                            .arg(t(QT_TRANSLATE_NOOP("Portal", "Body")));
            }
            const QJsonObject responses = op.value(QStringLiteral("responses")).toObject();
            if (!responses.isEmpty()) {
                out += QStringLiteral("<h3>%1</h3><dl class=\"responses\">")
                           .arg(t(QT_TRANSLATE_NOOP("Portal", "Responses")));
                for (auto r = responses.begin(); r != responses.end(); ++r) {
                    const QJsonObject resp = doc.resolveObject(r.value());
                    // The class names the status family: only an ASCII digit 1-5, else none.
                    const QChar family = r.key().isEmpty() ? QChar() : r.key().at(0);
                    const QString cls = family >= u'1' && family <= u'5'
                        ? QStringLiteral(" c") + family
                        : QString();
                    out += QStringLiteral("<dt><span class=\"code%1\">%2</span></dt><dd>%3")
                               .arg(cls, esc(r.key()),
                                    esc(cut(resp.value(QStringLiteral("description")).toString(),
                                            kMaxDescriptionChars)));
                    const QJsonObject content = resp.value(QStringLiteral("content")).toObject();
                    for (auto c = content.begin(); c != content.end(); ++c) {
                        const QJsonObject media = c.value().toObject();
                        const QJsonValue schema = media.value(QStringLiteral("schema"));
                        if (!schema.isUndefined()) {
                            out += QStringLiteral(
                                       "<p><code>%1</code> <span class=\"type\">%2</span></p>")
                                       .arg(esc(c.key()), render.typeHtml(schema));
                            out += render.properties(schema, 0);
                        }
                        const QString ex = exampleOf(doc, media);
                        if (!ex.isEmpty())
                            out += QStringLiteral("<pre class=\"example\">%1</pre>").arg(esc(ex));
                    }
                    out += QStringLiteral("</dd>");
                }
                out += QStringLiteral("</dl>");
            }
            if (options.tryIt) {
                const QString token = options.csrf == QString(QChar(kCsrfMarker))
                    ? options.csrf
                    : esc(options.csrf);
                out += QStringLiteral(
                           "<form class=\"try\" method=\"post\" action=\"/try\" data-try>"
                           "<h3>%1</h3><input type=\"hidden\" name=\"csrf\" value=\"%2\">"
                           "<input type=\"hidden\" name=\"api\" value=\"%3\">"
                           "<input type=\"hidden\" name=\"version\" value=\"%4\">"
                           "<input type=\"hidden\" name=\"method\" value=\"%5\">"
                           "<input type=\"hidden\" name=\"path\" value=\"%6\">%7"
                           "<label>%8 <input name=\"credential\" type=\"password\" "
                           "autocomplete=\"off\" placeholder=\"%9\"></label>"
                           "<button type=\"submit\">%10</button>"
                           "<output class=\"result\" aria-live=\"polite\"></output></form>")
                           .arg(t(QT_TRANSLATE_NOOP("Portal", "Try it")), token,
                                esc(options.apiKey), esc(options.version), esc(o->method),
                                esc(o->path), form, t(QT_TRANSLATE_NOOP("Portal", "Credential")),
                                t(QT_TRANSLATE_NOOP("Portal", "API key or token")),
                                t(QT_TRANSLATE_NOOP("Portal", "Send")));
            }
            out += QStringLiteral("</details>");
        }
        out += QStringLiteral("</section>");
    }
    if (n == 0)
        return QStringLiteral("<p class=\"empty\">%1</p>")
            .arg(t(QT_TRANSLATE_NOOP("Portal", "No operation of this API is visible to you.")));
    if (render.anySchemas()) {
        index += QStringLiteral("<li><a href=\"#schemas\">%1</a></li>")
                     .arg(esc(t(QT_TRANSLATE_NOOP("Portal", "Schemas"))));
        out += QStringLiteral("<section class=\"schemas\" id=\"schemas\"><h2>%1</h2>%2</section>")
                   .arg(esc(t(QT_TRANSLATE_NOOP("Portal", "Schemas"))), render.schemas());
    }
    return QStringLiteral("<nav class=\"toc\" aria-label=\"%1\"><ul>%2</ul></nav>")
               .arg(esc(t(QT_TRANSLATE_NOOP("Portal", "Operations by tag"))), index)
        + out;
}

QString renderOperations(const QJsonObject &doc, const RenderOptions &options,
                         const std::function<QString(const char *)> &t)
{
    auto d = OpenApi::Document::fromBytes(QJsonDocument(doc).toJson(QJsonDocument::Compact),
                                          QStringLiteral("document"));
    if (!d)
        return QStringLiteral("<p class=\"empty\">%1</p>").arg(esc(d.error().message));
    std::vector<const OpenApi::Operation *> all;
    for (const OpenApi::Operation &op : (*d)->operations())
        all.push_back(&op);
    return renderOperations(**d, all, options, t);
}

} // namespace Airgate::Runtime::Portal
