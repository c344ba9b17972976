// SPDX-License-Identifier: Apache-2.0
#include "mockapi.h"

#include "io/atomicfile.h"
#include "yaml/yamlparser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

namespace Airgate::Runtime {

QJsonValue yamlToJson(const Yaml::Node *n)
{
    if (!n)
        return QJsonValue();
    switch (n->kind) {
    case Yaml::NodeKind::Null:
        return QJsonValue();
    case Yaml::NodeKind::Map: {
        QJsonObject o;
        for (const auto &e : n->entries)
            o.insert(QString::fromStdString(e.key), yamlToJson(e.value.get()));
        return o;
    }
    case Yaml::NodeKind::Sequence: {
        QJsonArray a;
        for (const auto &i : n->items)
            a.append(yamlToJson(i.get()));
        return a;
    }
    case Yaml::NodeKind::Scalar:
        break;
    }
    switch (n->scalarType) {
    case Yaml::ScalarType::Bool:
        return n->asBool().value_or(false);
    case Yaml::ScalarType::Int:
        if (auto i = n->asInt())
            return static_cast<qint64>(*i);
        return n->asDouble().value_or(0);
    case Yaml::ScalarType::Float:
        return n->asDouble().value_or(0);
    case Yaml::ScalarType::Null:
        return QJsonValue();
    case Yaml::ScalarType::String:
        break;
    }
    return QString::fromStdString(n->value);
}

namespace {

QJsonValue resolveRef(const QJsonObject &doc, const QJsonValue &v, int depth = 0)
{
    const QJsonObject o = v.toObject();
    const QString ref = o.value(QStringLiteral("$ref")).toString();
    if (ref.isEmpty() || !ref.startsWith(QLatin1StringView("#/")) || depth > 16)
        return v;
    QJsonValue cur = doc;
    for (const QString &part : ref.mid(2).split(u'/'))
        cur = cur.toObject().value(QString(part)
                                       .replace(QStringLiteral("~1"), QStringLiteral("/"))
                                       .replace(QStringLiteral("~0"), QStringLiteral("~")));
    return resolveRef(doc, cur, depth + 1);
}

/// An example built from a schema when the document gives none.
QJsonValue exampleFromSchema(const QJsonObject &doc, const QJsonValue &schemaValue, int depth = 0)
{
    const QJsonObject s = resolveRef(doc, schemaValue).toObject();
    if (depth > 8)
        return QJsonValue();
    if (s.contains(QStringLiteral("example")))
        return s.value(QStringLiteral("example"));
    if (s.contains(QStringLiteral("default")))
        return s.value(QStringLiteral("default"));
    const QJsonArray en = s.value(QStringLiteral("enum")).toArray();
    if (!en.isEmpty())
        return en.first();
    const QString type = s.value(QStringLiteral("type")).toString();
    if (type == QLatin1StringView("object") || s.contains(QStringLiteral("properties"))) {
        QJsonObject o;
        const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it)
            o.insert(it.key(), exampleFromSchema(doc, it.value(), depth + 1));
        return o;
    }
    if (type == QLatin1StringView("array"))
        return QJsonArray {exampleFromSchema(doc, s.value(QStringLiteral("items")), depth + 1)};
    if (type == QLatin1StringView("integer"))
        return 0;
    if (type == QLatin1StringView("number"))
        return 0.0;
    if (type == QLatin1StringView("boolean"))
        return false;
    if (type == QLatin1StringView("string"))
        return QStringLiteral("string");
    return QJsonValue();
}

} // namespace

Result<std::shared_ptr<const MockApi>> MockApi::load(const QString &file)
{
    auto bytes = Io::readFile(file, 32 * 1024 * 1024);
    if (!bytes)
        return bytes.error();
    QJsonParseError err;
    QJsonDocument doc = QJsonDocument::fromJson(*bytes, &err);
    if (doc.isNull()) {
        std::vector<Yaml::Problem> problems;
        const Yaml::NodePtr root = Yaml::parseSingleDocument(
            std::string_view(bytes->constData(), static_cast<size_t>(bytes->size())), problems);
        for (const auto &p : problems)
            if (p.severity == Yaml::Problem::Severity::Error)
                return makeError(Error::Code::Parse,
                                 QStringLiteral("%1:%2:%3: %4")
                                     .arg(file)
                                     .arg(p.mark.line)
                                     .arg(p.mark.column)
                                     .arg(QString::fromStdString(p.message)));
        doc = QJsonDocument(yamlToJson(root.get()).toObject());
    }
    if (!doc.isObject())
        return makeError(Error::Code::Parse,
                         QStringLiteral("%1: not an OpenAPI document").arg(file));
    return fromDocument(doc.object(), file);
}

Result<std::shared_ptr<const MockApi>> MockApi::fromDocument(const QJsonObject &document,
                                                             QString name)
{
    if (!document.contains(QStringLiteral("openapi"))
        && !document.contains(QStringLiteral("swagger")))
        return makeError(
            Error::Code::Parse,
            QStringLiteral("%1: no \"openapi\" field; not an OpenAPI document").arg(name));
    auto api = std::make_shared<MockApi>();
    api->m_document = document;
    api->m_documentJson = QJsonDocument(document).toJson(QJsonDocument::Indented);
    api->m_name = std::move(name);
    const QJsonArray servers = document.value(QStringLiteral("servers")).toArray();
    if (!servers.isEmpty()) {
        const QString base
            = QUrl(servers.first().toObject().value(QStringLiteral("url")).toString()).path();
        if (base.size() > 1)
            api->m_basePath = base.endsWith(u'/') ? base.chopped(1) : base;
    }
    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
    static const QStringList methods {QStringLiteral("get"),    QStringLiteral("put"),
                                      QStringLiteral("post"),   QStringLiteral("delete"),
                                      QStringLiteral("patch"),  QStringLiteral("head"),
                                      QStringLiteral("options")};
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject item = p.value().toObject();
        QString pattern = QStringLiteral("^");
        int literal = 0;
        const QString tmpl = p.key();
        for (qsizetype i = 0; i < tmpl.size(); ++i) {
            if (tmpl[i] == u'{') {
                const qsizetype close = tmpl.indexOf(u'}', i);
                if (close > i) {
                    pattern += QStringLiteral("[^/]+");
                    i = close;
                    continue;
                }
            }
            pattern += QRegularExpression::escape(QString(tmpl[i]));
            ++literal;
        }
        pattern += u'$';
        for (const QString &m : methods) {
            if (!item.contains(m))
                continue;
            const QJsonObject op = item.value(m).toObject();
            Operation o;
            o.method = m.toUpper().toLatin1();
            o.pathTemplate = tmpl;
            o.pattern = QRegularExpression(pattern);
            o.literalLength = literal;
            const QJsonObject responses = op.value(QStringLiteral("responses")).toObject();
            QString code;
            for (auto r = responses.begin(); r != responses.end(); ++r)
                if (r.key().startsWith(u'2') && (code.isEmpty() || r.key() < code))
                    code = r.key();
            if (code.isEmpty())
                code = responses.contains(QStringLiteral("default")) ? QStringLiteral("200")
                                                                     : QStringLiteral("204");
            o.status = code.toInt() > 0 ? code.toInt() : 200;
            const QJsonObject response = resolveRef(document, responses.value(code)).toObject();
            const QJsonObject content = response.value(QStringLiteral("content")).toObject();
            if (!content.isEmpty()) {
                QString mime = content.contains(QStringLiteral("application/json"))
                    ? QStringLiteral("application/json")
                    : content.keys().first();
                const QJsonObject media = content.value(mime).toObject();
                QJsonValue example;
                if (media.contains(QStringLiteral("example")))
                    example = media.value(QStringLiteral("example"));
                else if (media.contains(QStringLiteral("examples"))) {
                    const QJsonObject examples = media.value(QStringLiteral("examples")).toObject();
                    if (!examples.isEmpty())
                        example = resolveRef(document, examples.begin().value())
                                      .toObject()
                                      .value(QStringLiteral("value"));
                } else if (media.contains(QStringLiteral("schema"))) {
                    example = exampleFromSchema(document, media.value(QStringLiteral("schema")));
                }
                o.contentType = mime.toLatin1();
                if (mime.contains(QLatin1StringView("json")))
                    o.body = example.isObject()
                        ? QJsonDocument(example.toObject()).toJson(QJsonDocument::Compact)
                        : example.isArray()
                        ? QJsonDocument(example.toArray()).toJson(QJsonDocument::Compact)
                        : QJsonDocument(QJsonArray {example})
                              .toJson(QJsonDocument::Compact)
                              .mid(1)
                              .chopped(1);
                else
                    o.body = example.toString().toUtf8();
            }
            api->m_operations << o;
        }
    }
    // Most specific template first: /weather/current before /weather/{city}.
    std::stable_sort(
        api->m_operations.begin(), api->m_operations.end(),
        [](const Operation &a, const Operation &b) { return a.literalLength > b.literalLength; });
    return std::shared_ptr<const MockApi>(api);
}

Http::Response MockApi::respond(const QByteArray &method, const QByteArray &path,
                                const QList<QByteArray> &specPaths) const
{
    if (method == "GET" && specPaths.contains(path)) {
        Http::Response r = Http::Response::text(200, m_documentJson, "application/json");
        return r;
    }
    const QString p = QString::fromUtf8(path);
    QString stripped = p;
    if (!m_basePath.isEmpty() && p.startsWith(m_basePath))
        stripped = p.mid(m_basePath.size());
    bool pathKnown = false;
    for (const QString &candidate : {p, stripped}) {
        for (const Operation &o : m_operations) {
            if (!o.pattern.match(candidate).hasMatch())
                continue;
            pathKnown = true;
            if (o.method != method && !(method == "HEAD" && o.method == "GET"))
                continue;
            Http::Response r;
            r.status = o.status;
            if (!o.contentType.isEmpty())
                r.headers.add("Content-Type", o.contentType);
            r.headers.add("X-Airgate-Mock", o.pathTemplate.toUtf8());
            r.body = o.body;
            return r;
        }
    }
    if (pathKnown) {
        Http::Response r
            = Http::Response::text(405, "method not allowed by the OpenAPI document\n");
        return r;
    }
    return Http::Response::text(404, "no operation of the OpenAPI document matches this path\n");
}

} // namespace Airgate::Runtime
