// SPDX-License-Identifier: Apache-2.0
#include "swagger2.h"

#include "jsonpointer.h"
#include "openapidocument.h"

#include <QJsonArray>
#include <QUrl>

#include <vector>

namespace Airgate::OpenApi {

namespace {

/// 2.0 places and their 3.0 equivalents, for `$ref` rewriting.
const std::pair<const char *, const char *> kMoved[] = {
    {"#/definitions/", "#/components/schemas/"},
    {"#/parameters/", "#/components/parameters/"},
    {"#/responses/", "#/components/responses/"},
};

QString movedRef(const QString &ref)
{
    for (const auto &[from, to] : kMoved)
        if (ref.startsWith(QLatin1StringView(from)))
            return QLatin1StringView(to) + ref.mid(qsizetype(qstrlen(from)));
    return ref;
}

/** Every `$ref` string of the tree rewritten by movedRef(); unchanged subtrees are shared. */
QJsonValue rewriteRefs(const QJsonValue &v, int depth, bool &changed)
{
    changed = false;
    if (depth > kMaxWalkDepth)
        return v;
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        const QJsonObject original = o;
        for (auto it = original.begin(); it != original.end(); ++it) {
            if (it.key() == QLatin1StringView("$ref") && it.value().isString()) {
                const QString moved = movedRef(it.value().toString());
                if (moved != it.value().toString()) {
                    o.insert(it.key(), moved);
                    changed = true;
                }
                continue;
            }
            if (!it.value().isObject() && !it.value().isArray())
                continue;
            bool c = false;
            const QJsonValue nv = rewriteRefs(it.value(), depth + 1, c);
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
            const QJsonValue nv = rewriteRefs(item, depth + 1, c);
            if (c) {
                a.replace(i, nv);
                changed = true;
            }
        }
        return changed ? QJsonValue(a) : v;
    }
    return v;
}

class Converter
{
public:
    explicit Converter(const QJsonObject &doc)
        : m_doc(doc)
    {
        // The original 2.0 parameters and responses where their rewritten refs now point.
        QJsonObject components;
        components.insert(QStringLiteral("schemas"), doc.value(QStringLiteral("definitions")));
        components.insert(QStringLiteral("parameters"), doc.value(QStringLiteral("parameters")));
        components.insert(QStringLiteral("responses"), doc.value(QStringLiteral("responses")));
        m_lookup = doc;
        m_lookup.insert(QStringLiteral("components"), components);
        m_consumes = doc.value(QStringLiteral("consumes")).toArray();
        m_produces = doc.value(QStringLiteral("produces")).toArray();
    }

    QJsonObject convert()
    {
        QJsonObject out;
        out.insert(QStringLiteral("openapi"), QStringLiteral("3.0.3"));
        for (auto it = m_doc.begin(); it != m_doc.end(); ++it) {
            const QString &k = it.key();
            if (k == QLatin1StringView("info") || k == QLatin1StringView("tags")
                || k == QLatin1StringView("externalDocs") || k == QLatin1StringView("security")
                || k.startsWith(QLatin1StringView("x-")))
                out.insert(k, it.value());
        }
        out.insert(QStringLiteral("x-airgate-source"), QStringLiteral("swagger 2.0"));
        out.insert(QStringLiteral("servers"), servers());
        QJsonObject components;
        const QJsonObject definitions = m_doc.value(QStringLiteral("definitions")).toObject();
        if (!definitions.isEmpty())
            components.insert(QStringLiteral("schemas"), definitions);
        QJsonObject params;
        const QJsonObject rawParams = m_doc.value(QStringLiteral("parameters")).toObject();
        for (auto it = rawParams.begin(); it != rawParams.end(); ++it) {
            const QJsonObject p = resolve(it.value());
            const QString in = p.value(QStringLiteral("in")).toString();
            if (in != QLatin1StringView("body") && in != QLatin1StringView("formData"))
                params.insert(it.key(), parameter(p));
        }
        if (!params.isEmpty())
            components.insert(QStringLiteral("parameters"), params);
        QJsonObject responses;
        const QJsonObject rawResponses = m_doc.value(QStringLiteral("responses")).toObject();
        for (auto it = rawResponses.begin(); it != rawResponses.end(); ++it)
            responses.insert(it.key(), response(resolve(it.value()), m_produces));
        if (!responses.isEmpty())
            components.insert(QStringLiteral("responses"), responses);
        const QJsonObject security = securitySchemes();
        if (!security.isEmpty())
            components.insert(QStringLiteral("securitySchemes"), security);
        if (!components.isEmpty())
            out.insert(QStringLiteral("components"), components);
        QJsonObject paths;
        const QJsonObject rawPaths = m_doc.value(QStringLiteral("paths")).toObject();
        for (auto it = rawPaths.begin(); it != rawPaths.end(); ++it) {
            if (it.key().startsWith(QLatin1StringView("x-")))
                continue;
            paths.insert(it.key(), pathItem(resolve(it.value())));
        }
        out.insert(QStringLiteral("paths"), paths);
        return out;
    }

private:
    QJsonObject resolve(const QJsonValue &v) const
    {
        QJsonValue cur = v;
        for (int hop = 0; hop < kMaxRefHops; ++hop) {
            const QJsonObject o = cur.toObject();
            const QString ref = o.value(QStringLiteral("$ref")).toString();
            if (ref.isEmpty() || !ref.startsWith(u'#'))
                return o;
            cur = followPointer(m_lookup, pointerTokens(ref));
        }
        return {};
    }

    QJsonArray servers() const
    {
        const QString host = m_doc.value(QStringLiteral("host")).toString();
        QString base = m_doc.value(QStringLiteral("basePath")).toString();
        if (!base.isEmpty() && !base.startsWith(u'/'))
            base.prepend(u'/');
        QJsonArray out;
        if (host.isEmpty()) {
            out.append(
                QJsonObject {{QStringLiteral("url"), base.isEmpty() ? QStringLiteral("/") : base}});
            return out;
        }
        QJsonArray schemes = m_doc.value(QStringLiteral("schemes")).toArray();
        if (schemes.isEmpty())
            schemes.append(QStringLiteral("https"));
        for (const QJsonValue &s : schemes)
            out.append(QJsonObject {{QStringLiteral("url"),
                                     QString(s.toString() + QStringLiteral("://") + host + base)}});
        return out;
    }

    /** The JSON Schema part of a 2.0 non-body parameter, header or items object. */
    static QJsonObject simpleSchema(const QJsonObject &p)
    {
        static const char *const keys[]
            = {"type",     "format",     "enum",        "default",          "minimum",
               "maximum",  "minLength",  "maxLength",   "pattern",          "minItems",
               "maxItems", "multipleOf", "uniqueItems", "exclusiveMinimum", "exclusiveMaximum"};
        QJsonObject s;
        for (const char *k : keys) {
            const QString key = QString::fromLatin1(k);
            if (p.contains(key))
                s.insert(key, p.value(key));
        }
        if (s.value(QStringLiteral("type")).toString() == QLatin1StringView("file")) {
            s.insert(QStringLiteral("type"), QStringLiteral("string"));
            s.insert(QStringLiteral("format"), QStringLiteral("binary"));
        }
        if (p.contains(QStringLiteral("items")))
            s.insert(QStringLiteral("items"),
                     simpleSchema(p.value(QStringLiteral("items")).toObject()));
        if (p.contains(QStringLiteral("x-example")))
            s.insert(QStringLiteral("example"), p.value(QStringLiteral("x-example")));
        return s;
    }

    static QJsonObject parameter(const QJsonObject &p)
    {
        QJsonObject out;
        for (auto it = p.begin(); it != p.end(); ++it) {
            const QString &k = it.key();
            if (k == QLatin1StringView("name") || k == QLatin1StringView("in")
                || k == QLatin1StringView("description") || k == QLatin1StringView("required")
                || k == QLatin1StringView("deprecated") || k == QLatin1StringView("allowEmptyValue")
                || k.startsWith(QLatin1StringView("x-")))
                out.insert(k, it.value());
        }
        if (p.value(QStringLiteral("in")).toString() == QLatin1StringView("path"))
            out.insert(QStringLiteral("required"), true);
        out.insert(QStringLiteral("schema"), simpleSchema(p));
        const QString format = p.value(QStringLiteral("collectionFormat")).toString();
        if (format == QLatin1StringView("multi"))
            out.insert(QStringLiteral("explode"), true);
        else if (p.value(QStringLiteral("type")).toString() == QLatin1StringView("array"))
            out.insert(QStringLiteral("explode"), false);
        return out;
    }

    static QJsonArray mediaTypes(const QJsonValue &own, const QJsonArray &inherited)
    {
        QJsonArray types = own.isArray() ? own.toArray() : inherited;
        if (types.isEmpty())
            types.append(QStringLiteral("application/json"));
        return types;
    }

    QJsonObject response(const QJsonObject &r, const QJsonArray &produces) const
    {
        QJsonObject out;
        out.insert(QStringLiteral("description"), r.value(QStringLiteral("description")));
        for (auto it = r.begin(); it != r.end(); ++it)
            if (it.key().startsWith(QLatin1StringView("x-")))
                out.insert(it.key(), it.value());
        const QJsonObject headers = r.value(QStringLiteral("headers")).toObject();
        if (!headers.isEmpty()) {
            QJsonObject h;
            for (auto it = headers.begin(); it != headers.end(); ++it) {
                const QJsonObject header = it.value().toObject();
                QJsonObject nh {{QStringLiteral("schema"), simpleSchema(header)}};
                if (header.contains(QStringLiteral("description")))
                    nh.insert(QStringLiteral("description"),
                              header.value(QStringLiteral("description")));
                h.insert(it.key(), nh);
            }
            out.insert(QStringLiteral("headers"), h);
        }
        const bool hasSchema = r.contains(QStringLiteral("schema"));
        const QJsonObject examples = r.value(QStringLiteral("examples")).toObject();
        if (!hasSchema && examples.isEmpty())
            return out;
        QJsonObject content;
        for (const QJsonValue &m : produces) {
            QJsonObject media;
            if (hasSchema)
                media.insert(QStringLiteral("schema"), r.value(QStringLiteral("schema")));
            if (examples.contains(m.toString()))
                media.insert(QStringLiteral("example"), examples.value(m.toString()));
            if (!media.isEmpty())
                content.insert(m.toString(), media);
        }
        // An example for a media type the operation does not list in `produces` still says
        // what the response looks like.
        for (auto it = examples.begin(); it != examples.end(); ++it) {
            if (content.contains(it.key()))
                continue;
            QJsonObject media {{QStringLiteral("example"), it.value()}};
            if (hasSchema)
                media.insert(QStringLiteral("schema"), r.value(QStringLiteral("schema")));
            content.insert(it.key(), media);
        }
        if (!content.isEmpty())
            out.insert(QStringLiteral("content"), content);
        return out;
    }

    QJsonObject operation(const QJsonObject &op, const QJsonArray &pathParams) const
    {
        QJsonObject out;
        for (auto it = op.begin(); it != op.end(); ++it) {
            const QString &k = it.key();
            if (k == QLatin1StringView("tags") || k == QLatin1StringView("summary")
                || k == QLatin1StringView("description") || k == QLatin1StringView("operationId")
                || k == QLatin1StringView("deprecated") || k == QLatin1StringView("security")
                || k == QLatin1StringView("externalDocs") || k.startsWith(QLatin1StringView("x-")))
                out.insert(k, it.value());
        }
        // Operation parameters override the path item's of the same name and location.
        std::vector<QJsonObject> params;
        auto add = [&params](const QJsonObject &p) {
            for (QJsonObject &existing : params)
                if (existing.value(QStringLiteral("name")) == p.value(QStringLiteral("name"))
                    && existing.value(QStringLiteral("in")) == p.value(QStringLiteral("in"))) {
                    existing = p;
                    return;
                }
            params.push_back(p);
        };
        for (const QJsonValue &p : pathParams)
            add(resolve(p));
        for (const QJsonValue &p : op.value(QStringLiteral("parameters")).toArray())
            add(resolve(p));
        const QJsonArray consumes = mediaTypes(op.value(QStringLiteral("consumes")), m_consumes);
        QJsonArray parameters;
        QJsonObject formProperties;
        QJsonArray formRequired;
        bool fileUpload = false;
        for (const QJsonObject &p : params) {
            const QString in = p.value(QStringLiteral("in")).toString();
            if (in == QLatin1StringView("body")) {
                QJsonObject content;
                for (const QJsonValue &m : consumes)
                    content.insert(m.toString(),
                                   QJsonObject {{QStringLiteral("schema"),
                                                 p.value(QStringLiteral("schema"))}});
                QJsonObject body {{QStringLiteral("content"), content}};
                if (p.contains(QStringLiteral("description")))
                    body.insert(QStringLiteral("description"),
                                p.value(QStringLiteral("description")));
                if (p.value(QStringLiteral("required")).toBool())
                    body.insert(QStringLiteral("required"), true);
                out.insert(QStringLiteral("requestBody"), body);
            } else if (in == QLatin1StringView("formData")) {
                QJsonObject s = simpleSchema(p);
                if (p.contains(QStringLiteral("description")))
                    s.insert(QStringLiteral("description"), p.value(QStringLiteral("description")));
                fileUpload = fileUpload
                    || p.value(QStringLiteral("type")).toString() == QLatin1StringView("file");
                formProperties.insert(p.value(QStringLiteral("name")).toString(), s);
                if (p.value(QStringLiteral("required")).toBool())
                    formRequired.append(p.value(QStringLiteral("name")));
            } else if (!in.isEmpty()) {
                parameters.append(parameter(p));
            }
        }
        if (!formProperties.isEmpty()) {
            QJsonObject schema {{QStringLiteral("type"), QStringLiteral("object")},
                                {QStringLiteral("properties"), formProperties}};
            if (!formRequired.isEmpty())
                schema.insert(QStringLiteral("required"), formRequired);
            const bool multipart = fileUpload
                || consumes.contains(QJsonValue(QStringLiteral("multipart/form-data")));
            const QString mime = multipart ? QStringLiteral("multipart/form-data")
                                           : QStringLiteral("application/x-www-form-urlencoded");
            out.insert(
                QStringLiteral("requestBody"),
                QJsonObject {
                    {QStringLiteral("content"),
                     QJsonObject {{mime, QJsonObject {{QStringLiteral("schema"), schema}}}}}});
        }
        if (!parameters.isEmpty())
            out.insert(QStringLiteral("parameters"), parameters);
        const QJsonArray produces = mediaTypes(op.value(QStringLiteral("produces")), m_produces);
        QJsonObject responses;
        const QJsonObject raw = op.value(QStringLiteral("responses")).toObject();
        for (auto it = raw.begin(); it != raw.end(); ++it) {
            if (it.key().startsWith(QLatin1StringView("x-")))
                continue;
            responses.insert(it.key(), response(resolve(it.value()), produces));
        }
        out.insert(QStringLiteral("responses"), responses);
        return out;
    }

    QJsonObject pathItem(const QJsonObject &item) const
    {
        QJsonObject out;
        const QJsonArray pathParams = item.value(QStringLiteral("parameters")).toArray();
        for (const QString &m : methods())
            if (item.contains(m))
                out.insert(m, operation(item.value(m).toObject(), pathParams));
        for (auto it = item.begin(); it != item.end(); ++it)
            if (it.key().startsWith(QLatin1StringView("x-")))
                out.insert(it.key(), it.value());
        return out;
    }

    QJsonObject securitySchemes() const
    {
        QJsonObject out;
        const QJsonObject defs = m_doc.value(QStringLiteral("securityDefinitions")).toObject();
        for (auto it = defs.begin(); it != defs.end(); ++it) {
            const QJsonObject d = it.value().toObject();
            const QString type = d.value(QStringLiteral("type")).toString();
            QJsonObject s;
            if (d.contains(QStringLiteral("description")))
                s.insert(QStringLiteral("description"), d.value(QStringLiteral("description")));
            if (type == QLatin1StringView("basic")) {
                s.insert(QStringLiteral("type"), QStringLiteral("http"));
                s.insert(QStringLiteral("scheme"), QStringLiteral("basic"));
            } else if (type == QLatin1StringView("apiKey")) {
                s.insert(QStringLiteral("type"), type);
                s.insert(QStringLiteral("name"), d.value(QStringLiteral("name")));
                s.insert(QStringLiteral("in"), d.value(QStringLiteral("in")));
            } else if (type == QLatin1StringView("oauth2")) {
                s.insert(QStringLiteral("type"), type);
                const QString flow = d.value(QStringLiteral("flow")).toString();
                const QString name = flow == QLatin1StringView("accessCode")
                    ? QStringLiteral("authorizationCode")
                    : flow == QLatin1StringView("application") ? QStringLiteral("clientCredentials")
                                                               : flow;
                QJsonObject f {{QStringLiteral("scopes"), d.value(QStringLiteral("scopes"))}};
                if (d.contains(QStringLiteral("authorizationUrl")))
                    f.insert(QStringLiteral("authorizationUrl"),
                             d.value(QStringLiteral("authorizationUrl")));
                if (d.contains(QStringLiteral("tokenUrl")))
                    f.insert(QStringLiteral("tokenUrl"), d.value(QStringLiteral("tokenUrl")));
                s.insert(QStringLiteral("flows"), QJsonObject {{name, f}});
            } else {
                continue;
            }
            out.insert(it.key(), s);
        }
        return out;
    }

    QJsonObject m_doc;
    QJsonObject m_lookup;
    QJsonArray m_consumes;
    QJsonArray m_produces;
};

} // namespace

QJsonObject normaliseSwagger2(const QJsonObject &swagger)
{
    bool changed = false;
    const QJsonObject moved = rewriteRefs(swagger, 0, changed).toObject();
    return Converter(moved).convert();
}

} // namespace Airgate::OpenApi
