// SPDX-License-Identifier: Apache-2.0
#include "mockapi.h"

#include "openapi/requestvalidator.h"
#include "openapi/schemaexample.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>

namespace Airgate::Runtime {

namespace {

/// Prism's problem types, so clients written against Prism read ours.
constexpr char kPrismErrors[] = "https://stoplight.io/prism/errors#";

Http::Response problem(int status, const char *type, const QString &title, const QString &detail,
                       const QJsonArray &validation = {})
{
    QJsonObject o {{QStringLiteral("type"),
                    QString(QLatin1StringView(kPrismErrors) + QLatin1StringView(type))},
                   {QStringLiteral("title"), title},
                   {QStringLiteral("status"), status},
                   {QStringLiteral("detail"), detail}};
    if (!validation.isEmpty())
        o.insert(QStringLiteral("validation"), validation);
    return Http::Response::text(status, QJsonDocument(o).toJson(QJsonDocument::Compact),
                                "application/problem+json");
}

QByteArray serialise(const QJsonValue &v, const QString &mime)
{
    if (!mime.contains(QLatin1StringView("json"))) {
        if (v.isString())
            return v.toString().toUtf8();
        if (v.isDouble() || v.isBool())
            return v.toVariant().toString().toUtf8();
    }
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    if (v.isUndefined())
        return {};
    // A scalar as JSON text: wrap it in an array and take the array off again.
    return QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
}

/** `Prefer: code=404, example=name` (RFC 7240 preferences, as Prism reads them). */
QHash<QString, QString> preferences(const Http::Headers &h)
{
    QHash<QString, QString> out;
    for (const QByteArray &line : h.values("Prefer"))
        for (QByteArray part : line.split(',')) {
            for (QByteArray p : part.split(';')) {
                p = p.trimmed();
                const int eq = p.indexOf('=');
                if (eq <= 0)
                    continue;
                QByteArray v = p.mid(eq + 1).trimmed();
                if (v.size() >= 2 && v.startsWith('"') && v.endsWith('"'))
                    v = v.mid(1, v.size() - 2);
                out.insert(QString::fromLatin1(p.left(eq).trimmed()).toLower(),
                           QString::fromUtf8(v));
            }
        }
    return out;
}

/** The response key for a status: exact, then its class ("4XX"), then "default". */
QString responseKey(const QJsonObject &responses, const QString &code)
{
    if (responses.contains(code))
        return code;
    const QString range = code.left(1) + QStringLiteral("XX");
    for (auto it = responses.begin(); it != responses.end(); ++it)
        if (it.key().compare(range, Qt::CaseInsensitive) == 0)
            return it.key();
    return {};
}

/** The media type to answer in: the first declared one the Accept header allows (JSON first). */
QString chooseMedia(const QJsonObject &content, const QByteArray &accept)
{
    QStringList declared = content.keys();
    std::stable_sort(declared.begin(), declared.end(), [](const QString &a, const QString &b) {
        return a.contains(QLatin1StringView("json")) && !b.contains(QLatin1StringView("json"));
    });
    if (declared.isEmpty())
        return {};
    if (accept.isEmpty())
        return declared.first();
    for (const QByteArray &range : accept.split(',')) {
        const QString r = QString::fromLatin1(range.split(';').first().trimmed()).toLower();
        if (r.isEmpty())
            continue;
        for (const QString &d : declared) {
            const QString m = d.toLower();
            if (r == QLatin1StringView("*/*") || r == m
                || (r.endsWith(QLatin1StringView("/*")) && m.startsWith(r.chopped(1))))
                return d;
        }
    }
    return declared.first();
}

} // namespace

Result<std::shared_ptr<const MockApi>> MockApi::load(const QString &file, const QString &root,
                                                     const std::atomic<bool> *cancel)
{
    OpenApi::LoadOptions options;
    options.root = root;
    options.cancel = cancel;
    auto doc = OpenApi::Document::load(file, options);
    if (!doc)
        return doc.error();
    if (cancel && cancel->load())
        return makeError(Error::Code::Refused, QStringLiteral("%1: loading cancelled").arg(file));
    return fromDocument(*doc);
}

std::shared_ptr<const MockApi> MockApi::fromDocument(std::shared_ptr<const OpenApi::Document> doc)
{
    auto api = std::make_shared<MockApi>();
    api->m_document = std::move(doc);
    // A template as a list of segments, each a list of pieces: text, or a parameter (a
    // parameter matches one or more characters other than '/'; a '{' without its '}' is text).
    struct Piece
    {
        bool parameter = false;
        QString text; ///< the text, or the parameter's name
    };
    std::vector<std::vector<std::vector<Piece>>> templates;
    for (const OpenApi::Operation &op : api->m_document->operations()) {
        Route r;
        r.operation = &op;
        std::vector<std::vector<Piece>> segments(1);
        const QString &tmpl = op.path;
        for (qsizetype i = 0; i < tmpl.size(); ++i) {
            if (tmpl[i] == u'{') {
                const qsizetype close = tmpl.indexOf(u'}', i);
                if (close > i) {
                    r.parameters << tmpl.mid(i + 1, close - i - 1);
                    segments.back().push_back({true, r.parameters.last()});
                    i = close;
                    continue;
                }
            }
            ++r.literalLength;
            if (tmpl[i] == u'/') {
                segments.emplace_back();
                continue;
            }
            if (segments.back().empty() || segments.back().back().parameter)
                segments.back().push_back({false, {}});
            segments.back().back().text += tmpl[i];
        }
        api->m_routes.push_back(std::move(r));
        templates.push_back(std::move(segments));
    }
    // Most specific template first: /weather/current before /weather/{city}.
    std::vector<int> order(api->m_routes.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&api](int a, int b) {
        return api->m_routes[size_t(a)].literalLength > api->m_routes[size_t(b)].literalLength;
    });
    std::vector<Route> sorted;
    sorted.reserve(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
        sorted.push_back(std::move(api->m_routes[size_t(order[i])]));
        Segment *node = &api->m_root;
        for (const std::vector<Piece> &segment : templates[size_t(order[i])]) {
            std::unique_ptr<Segment> *next = nullptr;
            if (segment.empty() || (segment.size() == 1 && !segment[0].parameter)) {
                next = &node->literal[segment.empty() ? QString() : segment[0].text];
            } else if (segment.size() == 1) {
                next = &node->parameter;
            } else {
                QString pattern = QStringLiteral("^");
                for (const Piece &p : segment)
                    pattern += p.parameter ? QStringLiteral("([^/]+)")
                                           : QRegularExpression::escape(p.text);
                pattern += QStringLiteral("$");
                for (auto &m : node->mixed)
                    if (m.first.pattern() == pattern)
                        next = &m.second;
                if (!next) {
                    QRegularExpression re(pattern);
                    re.optimize();
                    node->mixed.emplace_back(std::move(re), nullptr);
                    next = &node->mixed.back().second;
                }
            }
            if (!*next)
                *next = std::make_unique<Segment>();
            node = next->get();
        }
        node->routes.push_back(static_cast<int>(i));
    }
    api->m_routes = std::move(sorted);
    return api;
}

std::vector<MockApi::Match> MockApi::match(const QString &path) const
{
    const QList<QStringView> parts = QStringView(path).split(u'/');
    std::vector<Match> out;
    QStringList values;
    // Depth first over every branch that fits: literal, whole parameter, mixed patterns.
    auto walk = [&](auto &&self, const Segment &node, qsizetype depth) -> void {
        if (depth == parts.size()) {
            for (const int route : node.routes)
                out.push_back({route, values});
            return;
        }
        const QStringView part = parts[depth];
        if (const auto it = node.literal.find(part.toString()); it != node.literal.end())
            self(self, *it->second, depth + 1);
        if (node.parameter && !part.isEmpty()) {
            values << part.toString();
            self(self, *node.parameter, depth + 1);
            values.removeLast();
        }
        for (const auto &[re, child] : node.mixed) {
            const QRegularExpressionMatch m = re.match(part);
            if (!m.hasMatch())
                continue;
            const qsizetype before = values.size();
            for (int c = 1; c <= re.captureCount(); ++c)
                values << m.captured(c);
            self(self, *child, depth + 1);
            values.erase(values.begin() + before, values.end());
        }
    };
    walk(walk, m_root, 0);
    std::sort(out.begin(), out.end(),
              [](const Match &a, const Match &b) { return a.route < b.route; });
    return out;
}

Http::Response MockApi::respond(const Http::Request &request, const QByteArray &path,
                                const QList<QByteArray> &specPaths) const
{
    const QByteArray &method = request.method;
    if (method == "GET" && specPaths.contains(path))
        return Http::Response::text(200, m_document->json(), "application/json");
    const QString p = QString::fromUtf8(path);
    const QString &base = m_document->basePath();
    QStringList candidates {p};
    if (!base.isEmpty() && p.startsWith(base + u'/'))
        candidates << p.mid(base.size());
    bool pathKnown = false;
    QStringList allowed;
    for (const QString &candidate : candidates) {
        for (const Match &m : match(candidate)) {
            const Route &route = m_routes[size_t(m.route)];
            pathKnown = true;
            const QByteArray opMethod = route.operation->method.toLatin1();
            if (opMethod != method && !(method == "HEAD" && opMethod == "GET")) {
                if (!allowed.contains(route.operation->method))
                    allowed << route.operation->method;
                continue;
            }
            Http::Response r = answer(route, m.values, request);
            r.headers.add("X-Airgate-Mock", route.operation->path.toUtf8());
            return r;
        }
        if (pathKnown)
            break;
    }
    if (pathKnown) {
        Http::Response r
            = problem(405, "NO_METHOD_MATCHED_ERROR", QStringLiteral("Method not allowed"),
                      QStringLiteral("The OpenAPI document has no %1 operation on this "
                                     "path (it has %2).")
                          .arg(QString::fromLatin1(method), allowed.join(QStringLiteral(", "))));
        r.headers.set("Allow", allowed.join(QStringLiteral(", ")).toLatin1());
        return r;
    }
    return problem(404, "NO_PATH_MATCHED_ERROR",
                   QStringLiteral("Route not resolved, no path matched"),
                   QStringLiteral("No operation of the OpenAPI document matches %1.").arg(p));
}

Http::Response MockApi::answer(const Route &route, const QStringList &values,
                               const Http::Request &request) const
{
    const OpenApi::Operation &op = *route.operation;
    const OpenApi::Document &doc = *m_document;
    // 1. The request, as the operation says it must be.
    OpenApi::RequestParts parts;
    for (qsizetype i = 0; i < route.parameters.size(); ++i)
        parts.pathParameters.insert(route.parameters[i], values.value(i));
    for (const QByteArray &pair : request.query.split('&')) {
        if (pair.isEmpty())
            continue;
        const int eq = pair.indexOf('=');
        QByteArray k = eq < 0 ? pair : pair.left(eq);
        QByteArray v = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        k.replace('+', ' ');
        v.replace('+', ' ');
        parts.query.append({QUrl::fromPercentEncoding(k), QUrl::fromPercentEncoding(v)});
    }
    parts.header = [&request](const QByteArray &name) { return request.headers.value(name); };
    parts.body = request.body;
    const OpenApi::ValidationResult v = OpenApi::validateRequest(doc, op, parts);
    if (v.unsupportedMediaType)
        return problem(415, "INVALID_CONTENT_TYPE", QStringLiteral("Unsupported media type"),
                       v.mediaTypeMessage);
    if (!v.violations.isEmpty()) {
        QJsonArray validation;
        QStringList said;
        for (const OpenApi::Violation &x : v.violations) {
            validation.append(
                QJsonObject {{QStringLiteral("location"), QJsonArray::fromStringList(x.location)},
                             {QStringLiteral("severity"), QStringLiteral("Error")},
                             {QStringLiteral("code"), x.code},
                             {QStringLiteral("message"), x.message}});
            said << x.location.join(u'.') + u' ' + x.message;
        }
        return problem(422, "UNPROCESSABLE_ENTITY", QStringLiteral("Invalid request"),
                       QStringLiteral("The request does not match %1 %2: %3")
                           .arg(op.method, op.path, said.join(QStringLiteral("; "))),
                       validation);
    }
    // 2. Which response: the one asked for, else the lowest 2xx, else default.
    const QHash<QString, QString> prefer = preferences(request.headers);
    const QJsonObject responses = op.object.value(QStringLiteral("responses")).toObject();
    QString key;
    int status = 200;
    if (prefer.contains(QStringLiteral("code"))) {
        const QString code = prefer.value(QStringLiteral("code"));
        key = responseKey(responses, code);
        status = code.toInt();
        if (key.isEmpty() || status < 100 || status > 599)
            return problem(
                404, "NOT_FOUND", QStringLiteral("The server cannot find the requested content"),
                QStringLiteral("Prefer: code=%1, but %2 %3 defines no such response "
                               "(it defines %4).")
                    .arg(code, op.method, op.path, responses.keys().join(QStringLiteral(", "))));
    } else {
        for (auto it = responses.begin(); it != responses.end(); ++it) {
            const QString k = it.key().toUpper();
            if (!k.startsWith(u'2'))
                continue;
            const QString normal = k == QLatin1StringView("2XX") ? QStringLiteral("200") : k;
            if (key.isEmpty() || normal < QString::number(status)) {
                key = it.key();
                status = normal.toInt();
            }
        }
        if (key.isEmpty() && responses.contains(QStringLiteral("default"))) {
            key = QStringLiteral("default");
            status = 200;
        }
        if (key.isEmpty())
            status = 204;
    }
    Http::Response r;
    r.status = status;
    const QJsonObject response = doc.resolveObject(responses.value(key));
    const QJsonObject content = response.value(QStringLiteral("content")).toObject();
    const QString exampleName = prefer.value(QStringLiteral("example"));
    if (content.isEmpty()) {
        if (!exampleName.isEmpty())
            return problem(404, "NOT_FOUND",
                           QStringLiteral("The server cannot find the requested content"),
                           QStringLiteral("Prefer: example=%1, but the %2 response has no content.")
                               .arg(exampleName, key));
        return r;
    }
    // 3. In which media type, and with which body.
    const QString mime = chooseMedia(content, request.headers.value("Accept"));
    bool missing = false;
    const qsizetype index = &route - m_routes.data();
    const Body b = body(route, static_cast<int>(index), key, content.value(mime).toObject(), mime,
                        exampleName, &missing);
    if (missing)
        return problem(
            404, "NOT_FOUND", QStringLiteral("The server cannot find the requested content"),
            QStringLiteral("Prefer: example=%1, but the %2 response in %3 has no example "
                           "of that name.")
                .arg(exampleName, key, mime));
    r.headers.add("Content-Type", b.contentType);
    r.body = b.bytes;
    return r;
}

MockApi::Body MockApi::body(const Route &route, int routeIndex, const QString &status,
                            const QJsonObject &media, const QString &mime,
                            const QString &exampleName, bool *missingExample) const
{
    Q_UNUSED(route);
    const QString cacheKey
        = QStringLiteral("%1|%2|%3|%4").arg(routeIndex).arg(status, mime, exampleName);
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_bodies.constFind(cacheKey);
        if (it != m_bodies.cend())
            return *it;
    }
    const OpenApi::Document &doc = *m_document;
    const QJsonObject examples = media.value(QStringLiteral("examples")).toObject();
    QJsonValue value(QJsonValue::Undefined);
    if (!exampleName.isEmpty()) {
        if (!examples.contains(exampleName)) {
            *missingExample = true;
            return {};
        }
        value = doc.resolveObject(examples.value(exampleName)).value(QStringLiteral("value"));
    } else if (media.contains(QStringLiteral("example"))) {
        value = media.value(QStringLiteral("example"));
    } else if (!examples.isEmpty()) {
        value = doc.resolveObject(examples.begin().value()).value(QStringLiteral("value"));
    } else if (media.contains(QStringLiteral("schema"))) {
        value = OpenApi::exampleFromSchema(doc, media.value(QStringLiteral("schema")));
    }
    Body b;
    // A wildcard media type names no concrete type to answer in.
    b.contentType
        = mime.contains(u'*') ? QByteArrayLiteral("application/octet-stream") : mime.toLatin1();
    b.bytes = serialise(value, mime);
    QMutexLocker lock(&m_mutex);
    m_bodies.insert(cacheKey, b);
    return b;
}

} // namespace Airgate::Runtime
