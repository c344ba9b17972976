// SPDX-License-Identifier: Apache-2.0
#include "requestvalidator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace Airgate::OpenApi {

namespace {

QString jsonType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return std::floor(d) == d && std::isfinite(d) ? QStringLiteral("integer")
                                                      : QStringLiteral("number");
    }
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

QStringList typesOf(const QJsonObject &s)
{
    const QJsonValue t = s.value(QStringLiteral("type"));
    QStringList out;
    if (t.isString())
        out << t.toString();
    for (const QJsonValue &x : t.toArray())
        out << x.toString();
    if (s.value(QStringLiteral("nullable")).toBool() && !out.isEmpty())
        out << QStringLiteral("null");
    return out;
}

QString text(const QJsonValue &v)
{
    if (v.isString())
        return u'"' + v.toString() + u'"';
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

bool formatOk(const QString &format, const QString &s)
{
    static const QRegularExpression uuid(QStringLiteral(
        "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (format == QLatin1StringView("date-time"))
        return QDateTime::fromString(s, Qt::ISODateWithMs).isValid()
            || QDateTime::fromString(s, Qt::ISODate).isValid();
    if (format == QLatin1StringView("date"))
        return date.match(s).hasMatch() && QDate::fromString(s, Qt::ISODate).isValid();
    if (format == QLatin1StringView("uuid"))
        return uuid.match(s).hasMatch();
    if (format == QLatin1StringView("email"))
        return s.indexOf(u'@') > 0 && s.indexOf(u'@') < s.size() - 1;
    return true;
}

class Checker
{
public:
    Checker(const Document &doc, bool request)
        : m_doc(doc)
        , m_request(request)
    {
    }

    QList<Violation> violations;

    bool full() const { return violations.size() >= kMaxViolations; }

    void fail(const QStringList &at, const QString &code, const QString &message)
    {
        if (!full())
            violations << Violation {at, code, message};
    }

    void check(const QJsonValue &schemaValue, const QJsonValue &v, const QStringList &at, int depth)
    {
        if (depth > kMaxValidationDepth || full())
            return;
        const QJsonObject s = m_doc.resolveObject(schemaValue);
        if (s.isEmpty())
            return;
        for (const QJsonValue &part : s.value(QStringLiteral("allOf")).toArray())
            check(part, v, at, depth + 1);
        for (const char *choice : {"oneOf", "anyOf"}) {
            const QJsonArray options = s.value(QLatin1StringView(choice)).toArray();
            if (options.isEmpty())
                continue;
            // One matching choice is enough: real documents' choices overlap (Stripe's
            // anyOf of an id string or an expanded object), and Prism's strict oneOf then
            // refuses valid requests.
            bool any = false;
            for (const QJsonValue &o : options) {
                Checker sub(m_doc, m_request);
                sub.check(o, v, at, depth + 1);
                if (sub.violations.isEmpty()) {
                    any = true;
                    break;
                }
            }
            if (!any)
                fail(at, QLatin1StringView(choice),
                     QStringLiteral("must match a schema in %1").arg(QLatin1StringView(choice)));
        }
        const QStringList types = typesOf(s);
        const QString actual = jsonType(v);
        if (!types.isEmpty()) {
            const bool ok = types.contains(actual)
                || (actual == QLatin1StringView("integer")
                    && types.contains(QStringLiteral("number")));
            if (!ok) {
                fail(at, QStringLiteral("type"),
                     QStringLiteral("must be %1").arg(types.join(QStringLiteral(" or "))));
                return;
            }
        } else if (v.isNull() && s.value(QStringLiteral("nullable")).toBool()) {
            return;
        }
        if (s.contains(QStringLiteral("enum"))) {
            const QJsonArray e = s.value(QStringLiteral("enum")).toArray();
            if (!e.contains(v) && !(v.isNull() && s.value(QStringLiteral("nullable")).toBool())) {
                QStringList allowed;
                for (const QJsonValue &x : e)
                    allowed << text(x);
                fail(at, QStringLiteral("enum"),
                     QStringLiteral("must be one of %1").arg(allowed.join(QStringLiteral(", "))));
            }
        }
        if (s.contains(QStringLiteral("const")) && s.value(QStringLiteral("const")) != v)
            fail(at, QStringLiteral("const"),
                 QStringLiteral("must be %1").arg(text(s.value(QStringLiteral("const")))));
        if (v.isString())
            string(s, v.toString(), at);
        else if (v.isDouble())
            number(s, v.toDouble(), at);
        else if (v.isArray())
            array(s, v.toArray(), at, depth);
        else if (v.isObject())
            object(s, v.toObject(), at, depth);
    }

private:
    void string(const QJsonObject &s, const QString &v, const QStringList &at)
    {
        const qsizetype length = v.toUcs4().size();
        if (s.contains(QStringLiteral("minLength"))
            && length < s.value(QStringLiteral("minLength")).toInteger())
            fail(at, QStringLiteral("minLength"),
                 QStringLiteral("must not have fewer than %1 characters")
                     .arg(s.value(QStringLiteral("minLength")).toInteger()));
        if (s.contains(QStringLiteral("maxLength"))
            && length > s.value(QStringLiteral("maxLength")).toInteger())
            fail(at, QStringLiteral("maxLength"),
                 QStringLiteral("must not have more than %1 characters")
                     .arg(s.value(QStringLiteral("maxLength")).toInteger()));
        const QString pattern = s.value(QStringLiteral("pattern")).toString();
        if (!pattern.isEmpty()) {
            const QRegularExpression re(pattern);
            if (re.isValid() && !re.match(v).hasMatch())
                fail(at, QStringLiteral("pattern"),
                     QStringLiteral("must match pattern \"%1\"").arg(pattern));
        }
        const QString format = s.value(QStringLiteral("format")).toString();
        if (!format.isEmpty() && !formatOk(format, v))
            fail(at, QStringLiteral("format"),
                 QStringLiteral("must match format \"%1\"").arg(format));
    }

    void number(const QJsonObject &s, double v, const QStringList &at)
    {
        const QJsonValue min = s.value(QStringLiteral("minimum"));
        const QJsonValue max = s.value(QStringLiteral("maximum"));
        const QJsonValue exMin = s.value(QStringLiteral("exclusiveMinimum"));
        const QJsonValue exMax = s.value(QStringLiteral("exclusiveMaximum"));
        if (min.isDouble()) {
            if (exMin.toBool() ? v <= min.toDouble() : v < min.toDouble())
                fail(at, QStringLiteral("minimum"),
                     QStringLiteral("must be %1 %2")
                         .arg(exMin.toBool() ? QStringLiteral(">") : QStringLiteral(">="))
                         .arg(min.toDouble()));
        }
        if (exMin.isDouble() && v <= exMin.toDouble())
            fail(at, QStringLiteral("exclusiveMinimum"),
                 QStringLiteral("must be > %1").arg(exMin.toDouble()));
        if (max.isDouble()) {
            if (exMax.toBool() ? v >= max.toDouble() : v > max.toDouble())
                fail(at, QStringLiteral("maximum"),
                     QStringLiteral("must be %1 %2")
                         .arg(exMax.toBool() ? QStringLiteral("<") : QStringLiteral("<="))
                         .arg(max.toDouble()));
        }
        if (exMax.isDouble() && v >= exMax.toDouble())
            fail(at, QStringLiteral("exclusiveMaximum"),
                 QStringLiteral("must be < %1").arg(exMax.toDouble()));
        const double multiple = s.value(QStringLiteral("multipleOf")).toDouble(0);
        if (multiple > 0) {
            const double q = v / multiple;
            if (std::fabs(q - std::round(q)) > 1e-9)
                fail(at, QStringLiteral("multipleOf"),
                     QStringLiteral("must be a multiple of %1").arg(multiple));
        }
    }

    void array(const QJsonObject &s, const QJsonArray &a, const QStringList &at, int depth)
    {
        if (s.contains(QStringLiteral("minItems"))
            && a.size() < s.value(QStringLiteral("minItems")).toInteger())
            fail(at, QStringLiteral("minItems"),
                 QStringLiteral("must not have fewer than %1 items")
                     .arg(s.value(QStringLiteral("minItems")).toInteger()));
        if (s.contains(QStringLiteral("maxItems"))
            && a.size() > s.value(QStringLiteral("maxItems")).toInteger())
            fail(at, QStringLiteral("maxItems"),
                 QStringLiteral("must not have more than %1 items")
                     .arg(s.value(QStringLiteral("maxItems")).toInteger()));
        if (s.value(QStringLiteral("uniqueItems")).toBool()) {
            for (qsizetype i = 0; i < a.size() && i < 1000; ++i)
                for (qsizetype j = i + 1; j < a.size() && j < 1000; ++j)
                    if (a.at(i) == a.at(j)) {
                        fail(at, QStringLiteral("uniqueItems"),
                             QStringLiteral("must not have duplicate items (items %1 and %2)")
                                 .arg(i)
                                 .arg(j));
                        i = a.size();
                        break;
                    }
        }
        if (!s.contains(QStringLiteral("items")))
            return;
        for (qsizetype i = 0; i < a.size() && !full(); ++i)
            check(s.value(QStringLiteral("items")), a.at(i), at + QStringList {QString::number(i)},
                  depth + 1);
    }

    void object(const QJsonObject &s, const QJsonObject &o, const QStringList &at, int depth)
    {
        const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        for (const QJsonValue &r : s.value(QStringLiteral("required")).toArray()) {
            const QString name = r.toString();
            if (o.contains(name))
                continue;
            // A required readOnly property applies to responses only, a writeOnly one to
            // requests only (OpenAPI 3.0 §4.7.25).
            if (m_doc.resolveObject(props.value(name))
                    .value(m_request ? QStringLiteral("readOnly") : QStringLiteral("writeOnly"))
                    .toBool())
                continue;
            fail(at + QStringList {name}, QStringLiteral("required"),
                 QStringLiteral("must have required property '%1'").arg(name));
        }
        const QJsonValue extra = s.value(QStringLiteral("additionalProperties"));
        for (auto it = o.begin(); it != o.end() && !full(); ++it) {
            const auto p = props.constFind(it.key());
            if (p != props.constEnd()) {
                check(p.value(), it.value(), at + QStringList {it.key()}, depth + 1);
            } else if (extra.isBool() && !extra.toBool()) {
                fail(at + QStringList {it.key()}, QStringLiteral("additionalProperties"),
                     QStringLiteral("must not have additional property '%1'").arg(it.key()));
            } else if (extra.isObject()) {
                check(extra, it.value(), at + QStringList {it.key()}, depth + 1);
            }
        }
        if (s.contains(QStringLiteral("minProperties"))
            && o.size() < s.value(QStringLiteral("minProperties")).toInteger())
            fail(at, QStringLiteral("minProperties"),
                 QStringLiteral("must not have fewer than %1 properties")
                     .arg(s.value(QStringLiteral("minProperties")).toInteger()));
        if (s.contains(QStringLiteral("maxProperties"))
            && o.size() > s.value(QStringLiteral("maxProperties")).toInteger())
            fail(at, QStringLiteral("maxProperties"),
                 QStringLiteral("must not have more than %1 properties")
                     .arg(s.value(QStringLiteral("maxProperties")).toInteger()));
    }

    const Document &m_doc;
    bool m_request;
};

/** A parameter's string as the JSON value its schema expects (Prism coerces the same way). */
QJsonValue coerce(const Document &doc, const QJsonObject &schemaValue, const QStringList &raw,
                  bool explode)
{
    const QJsonObject s = doc.resolveObject(schemaValue);
    const QStringList types = typesOf(s);
    const QString type = types.isEmpty() ? QString() : types.first();
    auto one = [&doc](const QJsonObject &itemSchema, const QString &text) -> QJsonValue {
        const QStringList t = typesOf(doc.resolveObject(itemSchema));
        const QString ty = t.isEmpty() ? QString() : t.first();
        if (ty == QLatin1StringView("integer") || ty == QLatin1StringView("number")) {
            bool ok = false;
            const double d = text.toDouble(&ok);
            return ok ? QJsonValue(d) : QJsonValue(text);
        }
        if (ty == QLatin1StringView("boolean")) {
            if (text == QLatin1StringView("true"))
                return true;
            if (text == QLatin1StringView("false"))
                return false;
        }
        return text;
    };
    if (type == QLatin1StringView("array")) {
        QJsonArray a;
        QStringList parts = raw;
        if (!explode || raw.size() == 1)
            parts = raw.join(u',').split(u',', Qt::SkipEmptyParts);
        for (const QString &p : parts)
            a.append(one(s.value(QStringLiteral("items")).toObject(), p));
        return a;
    }
    return one(s, raw.value(0));
}

QList<QJsonObject> parametersOf(const Document &doc, const Operation &op)
{
    QList<QJsonObject> out;
    auto add = [&out](const QJsonObject &p) {
        for (QJsonObject &existing : out)
            if (existing.value(QStringLiteral("name")) == p.value(QStringLiteral("name"))
                && existing.value(QStringLiteral("in")) == p.value(QStringLiteral("in"))) {
                existing = p;
                return;
            }
        out << p;
    };
    for (const QJsonValue &p : op.pathParameters)
        add(doc.resolveObject(p));
    for (const QJsonValue &p : op.object.value(QStringLiteral("parameters")).toArray())
        add(doc.resolveObject(p));
    return out;
}

QMap<QString, QString> cookies(const QByteArray &header)
{
    QMap<QString, QString> out;
    for (const QByteArray &part : header.split(';')) {
        const int eq = part.indexOf('=');
        if (eq > 0)
            out.insert(QString::fromUtf8(part.left(eq).trimmed()),
                       QString::fromUtf8(part.mid(eq + 1).trimmed()));
    }
    return out;
}

/** The declared media type a Content-Type falls under: the same type without parameters,
 * else its family wildcard ("application/" + "*"), else the full wildcard. */
QString mediaTypeFor(const QJsonObject &content, const QByteArray &contentType)
{
    const QString mime = QString::fromLatin1(contentType.split(';').first().trimmed()).toLower();
    for (auto it = content.begin(); it != content.end(); ++it)
        if (it.key().split(u';').first().trimmed().toLower() == mime)
            return it.key();
    const QString family = mime.section(u'/', 0, 0) + QStringLiteral("/*");
    if (content.contains(family))
        return family;
    if (content.contains(QStringLiteral("*/*")))
        return QStringLiteral("*/*");
    return {};
}

} // namespace

QList<Violation> validateValue(const Document &document, const QJsonValue &schema,
                               const QJsonValue &value, const QStringList &location, bool request)
{
    Checker c(document, request);
    c.check(schema, value, location, 0);
    return c.violations;
}

ValidationResult validateRequest(const Document &doc, const Operation &op,
                                 const RequestParts &request)
{
    ValidationResult result;
    Checker c(doc, true);
    QMap<QString, QString> cookieValues;
    bool cookiesRead = false;
    for (const QJsonObject &p : parametersOf(doc, op)) {
        const QString name = p.value(QStringLiteral("name")).toString();
        const QString in = p.value(QStringLiteral("in")).toString();
        const bool required
            = p.value(QStringLiteral("required")).toBool() || in == QLatin1StringView("path");
        QStringList raw;
        if (in == QLatin1StringView("query")) {
            for (const auto &[k, v] : request.query)
                if (k == name || k == name + QStringLiteral("[]"))
                    raw << v;
        } else if (in == QLatin1StringView("header")) {
            // RFC 9110 §7.6.1: these are the connection's, never an operation's to require.
            static const QStringList reserved {QStringLiteral("accept"),
                                               QStringLiteral("content-type"),
                                               QStringLiteral("authorization")};
            if (reserved.contains(name.toLower()))
                continue;
            const QByteArray v = request.header ? request.header(name.toLatin1()) : QByteArray();
            if (!v.isEmpty())
                raw << QString::fromUtf8(v);
        } else if (in == QLatin1StringView("path")) {
            if (request.pathParameters.contains(name))
                raw << request.pathParameters.value(name);
        } else if (in == QLatin1StringView("cookie")) {
            if (!cookiesRead && request.header) {
                cookieValues = cookies(request.header("Cookie"));
                cookiesRead = true;
            }
            if (cookieValues.contains(name))
                raw << cookieValues.value(name);
        } else {
            continue;
        }
        if (raw.isEmpty()) {
            if (required)
                c.fail({in, name}, QStringLiteral("required"),
                       QStringLiteral("must have required property '%1'").arg(name));
            continue;
        }
        const QJsonObject schema = p.value(QStringLiteral("schema")).toObject();
        if (schema.isEmpty())
            continue;
        const bool explode = p.contains(QStringLiteral("explode"))
            ? p.value(QStringLiteral("explode")).toBool()
            : in == QLatin1StringView("query") || in == QLatin1StringView("cookie");
        c.check(schema, coerce(doc, schema, raw, explode), {in, name}, 0);
    }
    const QJsonObject body = doc.resolveObject(op.object.value(QStringLiteral("requestBody")));
    if (!body.isEmpty()) {
        const QJsonObject content = body.value(QStringLiteral("content")).toObject();
        if (request.body.isEmpty()) {
            if (body.value(QStringLiteral("required")).toBool())
                c.fail({QStringLiteral("body")}, QStringLiteral("required"),
                       QStringLiteral("a request body is required"));
        } else if (!content.isEmpty()) {
            const QByteArray contentType
                = request.header ? request.header("Content-Type") : QByteArray();
            const QString media = mediaTypeFor(content, contentType);
            if (media.isEmpty()) {
                result.unsupportedMediaType = true;
                result.mediaTypeMessage = QStringLiteral("Content-Type \"%1\" is not one of %2")
                                              .arg(QString::fromLatin1(contentType),
                                                   content.keys().join(QStringLiteral(", ")));
            } else {
                const QJsonValue schema
                    = content.value(media).toObject().value(QStringLiteral("schema"));
                const QString mime = QString::fromLatin1(contentType).toLower();
                if (!schema.isUndefined() && mime.contains(QLatin1StringView("json"))) {
                    QJsonParseError err;
                    const QJsonDocument parsed = QJsonDocument::fromJson(request.body, &err);
                    if (parsed.isNull()) {
                        c.fail({QStringLiteral("body")}, QStringLiteral("json"),
                               QStringLiteral("is not JSON: %1 at byte %2")
                                   .arg(err.errorString())
                                   .arg(err.offset));
                    } else {
                        const QJsonValue v = parsed.isObject() ? QJsonValue(parsed.object())
                                                               : QJsonValue(parsed.array());
                        c.check(schema, v, {QStringLiteral("body")}, 0);
                    }
                } else if (!schema.isUndefined()
                           && mime.startsWith(
                               QLatin1StringView("application/x-www-form-urlencoded"))) {
                    const QJsonObject s = doc.resolveObject(schema);
                    const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
                    QJsonObject form;
                    for (const QByteArray &pair : request.body.split('&')) {
                        const int eq = pair.indexOf('=');
                        QByteArray k = eq < 0 ? pair : pair.left(eq);
                        QByteArray v = eq < 0 ? QByteArray() : pair.mid(eq + 1);
                        k.replace('+', ' ');
                        v.replace('+', ' ');
                        const QString key = QUrl::fromPercentEncoding(k);
                        form.insert(key,
                                    coerce(doc, props.value(key).toObject(),
                                           {QUrl::fromPercentEncoding(v)}, true));
                    }
                    c.check(schema, form, {QStringLiteral("body")}, 0);
                }
            }
        }
    }
    result.violations = c.violations;
    return result;
}

} // namespace Airgate::OpenApi
