// SPDX-License-Identifier: Apache-2.0
#include "openapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Airgate::Runtime::Portal {

namespace {

const QStringList kMethods {QStringLiteral("get"),     QStringLiteral("put"),
                            QStringLiteral("post"),    QStringLiteral("delete"),
                            QStringLiteral("options"), QStringLiteral("head"),
                            QStringLiteral("patch"),   QStringLiteral("trace")};

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

/** Follows a local `$ref` ("#/components/schemas/City"), at most a few hops. */
QJsonObject deref(const QJsonObject &doc, QJsonObject o)
{
    for (int hops = 0; hops < 8 && o.contains(QStringLiteral("$ref")); ++hops) {
        const QString ref = o.value(QStringLiteral("$ref")).toString();
        if (!ref.startsWith(QStringLiteral("#/")))
            break;
        QJsonValue v = doc;
        for (QString part : ref.mid(2).split(u'/')) {
            part.replace(QStringLiteral("~1"), QStringLiteral("/"));
            part.replace(QStringLiteral("~0"), QStringLiteral("~"));
            v = v.toObject().value(part);
        }
        if (!v.isObject())
            break;
        o = v.toObject();
    }
    return o;
}

/// Nesting shown in a type name ("array of array of …"); a self-referring `items` stops here.
constexpr int kMaxTypeDepth = 4;

QString schemaType(const QJsonObject &doc, const QJsonObject &schema0, int depth = 0)
{
    const QJsonObject s = deref(doc, schema0);
    QString t = s.value(QStringLiteral("type")).toString();
    if (t == QLatin1StringView("array"))
        return QStringLiteral("array of ")
            + (depth >= kMaxTypeDepth
                   ? QStringLiteral("…")
                   : schemaType(doc, s.value(QStringLiteral("items")).toObject(), depth + 1));
    if (t.isEmpty() && s.contains(QStringLiteral("properties")))
        t = QStringLiteral("object");
    if (s.contains(QStringLiteral("format")))
        t += QStringLiteral(" (") + s.value(QStringLiteral("format")).toString() + u')';
    if (schema0.contains(QStringLiteral("$ref")))
        t = schema0.value(QStringLiteral("$ref")).toString().section(u'/', -1)
            + QStringLiteral(": ") + t;
    return t;
}

/** A schema as nested lists of properties (depth-limited). */
QString renderSchema(const QJsonObject &doc, const QJsonObject &schema0, int depth)
{
    const QJsonObject s = deref(doc, schema0);
    QString out;
    QJsonObject props = s.value(QStringLiteral("properties")).toObject();
    if (props.isEmpty() && s.value(QStringLiteral("type")).toString() == QLatin1StringView("array"))
        props = deref(doc, s.value(QStringLiteral("items")).toObject())
                    .value(QStringLiteral("properties"))
                    .toObject();
    if (props.isEmpty() || depth > 4)
        return out;
    const QJsonArray required = s.value(QStringLiteral("required")).toArray();
    out += QStringLiteral("<ul class=\"schema\">");
    for (auto it = props.begin(); it != props.end(); ++it) {
        const QJsonObject p = it.value().toObject();
        const QJsonObject pd = deref(doc, p);
        out += QStringLiteral("<li><code>%1</code> <span class=\"type\">%2</span>%3%4%5</li>")
                   .arg(esc(it.key()), esc(schemaType(doc, p)),
                        required.contains(it.key())
                            ? QStringLiteral(" <span class=\"req\">*</span>")
                            : QString(),
                        pd.contains(QStringLiteral("description")) ? QStringLiteral(" — ")
                                + esc(pd.value(QStringLiteral("description")).toString())
                                                                   : QString(),
                        renderSchema(doc, p, depth + 1));
    }
    out += QStringLiteral("</ul>");
    return out;
}

QString exampleOf(const QJsonObject &doc, const QJsonObject &media)
{
    QJsonValue ex = media.value(QStringLiteral("example"));
    if (ex.isUndefined()) {
        const QJsonObject examples = media.value(QStringLiteral("examples")).toObject();
        if (!examples.isEmpty())
            ex = deref(doc, examples.begin().value().toObject()).value(QStringLiteral("value"));
    }
    if (ex.isUndefined())
        ex = deref(doc, media.value(QStringLiteral("schema")).toObject())
                 .value(QStringLiteral("example"));
    if (ex.isUndefined())
        return {};
    if (ex.isObject())
        return QString::fromUtf8(QJsonDocument(ex.toObject()).toJson(QJsonDocument::Indented));
    if (ex.isArray())
        return QString::fromUtf8(QJsonDocument(ex.toArray()).toJson(QJsonDocument::Indented));
    return ex.toVariant().toString();
}

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
        for (const QString &m : kMethods) {
            if (!item.contains(m))
                continue;
            bool ok = false;
            for (const OperationSet *s : allowed)
                ok = ok || operationInSet(*s, m.toUpper(), it.key());
            if (!ok)
                item.remove(m);
        }
        bool any = false;
        for (const QString &m : kMethods)
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
        for (const QString &m : kMethods)
            n += it.value().toObject().contains(m);
    return n;
}

QString renderOperations(const QJsonObject &doc, const RenderOptions &options,
                         const std::function<QString(const char *)> &t)
{
    struct Op
    {
        QString method;
        QString path;
        QJsonObject op;
        QJsonArray pathParams;
    };
    QMap<QString, QList<Op>> byTag;
    QStringList tagOrder;
    for (const auto &t : doc.value(QStringLiteral("tags")).toArray())
        tagOrder << t.toObject().value(QStringLiteral("name")).toString();
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        for (const QString &m : kMethods) {
            if (!item.contains(m))
                continue;
            const QJsonObject op = item.value(m).toObject();
            QString tag = op.value(QStringLiteral("tags")).toArray().first().toString();
            if (tag.isEmpty())
                tag = t(QT_TRANSLATE_NOOP("Portal", "Operations"));
            if (!tagOrder.contains(tag))
                tagOrder << tag;
            byTag[tag] << Op {m.toUpper(), it.key(), op,
                              item.value(QStringLiteral("parameters")).toArray()};
        }
    }
    QString out;
    int n = 0;
    for (const QString &tag : tagOrder) {
        const QList<Op> ops = byTag.value(tag);
        if (ops.isEmpty())
            continue;
        out += QStringLiteral("<section class=\"tag\"><h2>%1</h2>").arg(esc(tag));
        for (const Op &o : ops) {
            const QString id = QStringLiteral("op-%1").arg(++n);
            out += QStringLiteral("<details class=\"op\" id=\"%1\"><summary><span class=\"method "
                                  "m-%2\">%3</span> <code class=\"path\">%4</code> "
                                  "<span class=\"summary\">%5</span></summary>")
                       .arg(id, o.method.toLower(), o.method, esc(o.path),
                            esc(o.op.value(QStringLiteral("summary")).toString()));
            if (o.op.contains(QStringLiteral("description")))
                out += QStringLiteral("<p>%1</p>")
                           .arg(esc(o.op.value(QStringLiteral("description")).toString()));
            QJsonArray params = o.pathParams;
            for (const auto &p : o.op.value(QStringLiteral("parameters")).toArray())
                params.append(p);
            QString form;
            if (!params.isEmpty()) {
                out += QStringLiteral("<h3>%1</h3><table class=\"params\"><thead><tr><th>%2</th>"
                                      "<th>%3</th><th>%4</th><th>%5</th></tr></thead><tbody>")
                           .arg(t(QT_TRANSLATE_NOOP("Portal", "Parameters")),
                                t(QT_TRANSLATE_NOOP("Portal", "Name")),
                                t(QT_TRANSLATE_NOOP("Portal", "In")),
                                t(QT_TRANSLATE_NOOP("Portal", "Type")),
                                t(QT_TRANSLATE_NOOP("Portal", "Description")));
                for (const auto &pv : params) {
                    const QJsonObject p = deref(doc, pv.toObject());
                    const QString name = p.value(QStringLiteral("name")).toString();
                    const QString in = p.value(QStringLiteral("in")).toString();
                    const bool req = p.value(QStringLiteral("required")).toBool();
                    out += QStringLiteral("<tr><td><code>%1</code>%2</td><td>%3</td><td>%4</td>"
                                          "<td>%5</td></tr>")
                               .arg(esc(name),
                                    req ? QStringLiteral(" <span class=\"req\">*</span>")
                                        : QString(),
                                    esc(in),
                                    esc(schemaType(doc,
                                                   p.value(QStringLiteral("schema")).toObject())),
                                    esc(p.value(QStringLiteral("description")).toString()));
                    if (in == QLatin1StringView("path") || in == QLatin1StringView("query"))
                        form += QStringLiteral("<label>%1 <small>(%2)</small><input name=\"%3:%1\" "
                                               "%4></label>")
                                    .arg(esc(name), esc(in), esc(in),
                                         req ? QStringLiteral("required") : QString());
                }
                out += QStringLiteral("</tbody></table>");
            }
            const QJsonObject body
                = deref(doc, o.op.value(QStringLiteral("requestBody")).toObject());
            if (!body.isEmpty()) {
                out += QStringLiteral("<h3>%1</h3>")
                           .arg(t(QT_TRANSLATE_NOOP("Portal", "Request body")));
                const QJsonObject content = body.value(QStringLiteral("content")).toObject();
                for (auto c = content.begin(); c != content.end(); ++c) {
                    const QJsonObject media = c.value().toObject();
                    out += QStringLiteral("<p><code>%1</code></p>").arg(esc(c.key()));
                    out += renderSchema(doc, media.value(QStringLiteral("schema")).toObject(), 0);
                    const QString ex = exampleOf(doc, media);
                    if (!ex.isEmpty())
                        out += QStringLiteral("<pre class=\"example\">%1</pre>").arg(esc(ex));
                }
                form += QStringLiteral("<label>%1<textarea name=\"body\" rows=\"4\"></textarea>"
                                       "</label>")
                            .arg(t(QT_TRANSLATE_NOOP("Portal", "Body")));
            }
            const QJsonObject responses = o.op.value(QStringLiteral("responses")).toObject();
            if (!responses.isEmpty()) {
                out += QStringLiteral("<h3>%1</h3><dl class=\"responses\">")
                           .arg(t(QT_TRANSLATE_NOOP("Portal", "Responses")));
                for (auto r = responses.begin(); r != responses.end(); ++r) {
                    const QJsonObject resp = deref(doc, r.value().toObject());
                    out += QStringLiteral("<dt><span class=\"code c%1\">%2</span></dt><dd>%3")
                               .arg(r.key().left(1), esc(r.key()),
                                    esc(resp.value(QStringLiteral("description")).toString()));
                    const QJsonObject content = resp.value(QStringLiteral("content")).toObject();
                    for (auto c = content.begin(); c != content.end(); ++c) {
                        const QJsonObject media = c.value().toObject();
                        out += renderSchema(doc, media.value(QStringLiteral("schema")).toObject(),
                                            0);
                        const QString ex = exampleOf(doc, media);
                        if (!ex.isEmpty())
                            out += QStringLiteral("<pre class=\"example\">%1</pre>").arg(esc(ex));
                    }
                    out += QStringLiteral("</dd>");
                }
                out += QStringLiteral("</dl>");
            }
            if (options.tryIt) {
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
                           .arg(t(QT_TRANSLATE_NOOP("Portal", "Try it")), esc(options.csrf),
                                esc(options.apiKey), esc(options.version), o.method, esc(o.path),
                                form, t(QT_TRANSLATE_NOOP("Portal", "Credential")),
                                t(QT_TRANSLATE_NOOP("Portal", "API key or token")),
                                t(QT_TRANSLATE_NOOP("Portal", "Send")));
            }
            out += QStringLiteral("</details>");
        }
        out += QStringLiteral("</section>");
    }
    if (n == 0)
        out = QStringLiteral("<p class=\"empty\">%1</p>")
                  .arg(t(
                      QT_TRANSLATE_NOOP("Portal", "No operation of this API is visible to you.")));
    return out;
}

} // namespace Airgate::Runtime::Portal
