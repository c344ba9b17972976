// SPDX-License-Identifier: Apache-2.0
#include "schemaexample.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>
#include <optional>

namespace Airgate::OpenApi {

namespace {

/// Schemas an allOf merge follows (nested allOf included) before it stops.
constexpr int kMaxMergedSchemas = 64;

/// Characters a generated pattern match may use for classes, most readable first.
const QString kPatternAlphabet
    = QStringLiteral("a0bcdefghijklmnopqrstuvwxyz123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.");
/// Longest string a pattern sample grows to.
constexpr int kMaxPatternSample = 256;

/**
 * A string matching a simple regular expression (literals, escapes, classes, groups with
 * alternatives, quantifiers), the shortest one by each quantifier's minimum; nullopt for
 * anything else. Callers check the result against the pattern.
 */
class PatternSample
{
public:
    explicit PatternSample(const QString &pattern)
        : m_p(pattern)
    {
    }

    std::optional<QString> run()
    {
        QString out;
        if (!sequence(out, false) || m_i != m_p.size())
            return std::nullopt;
        return out;
    }

private:
    bool atEnd() const { return m_i >= m_p.size(); }

    /** Alternatives: the first one is produced, the others skipped. */
    bool sequence(QString &out, bool inGroup)
    {
        bool skipping = false;
        while (!atEnd()) {
            const QChar c = m_p[m_i];
            if (c == u')' && inGroup)
                return true;
            if (c == u'|') {
                ++m_i;
                skipping = true;
                continue;
            }
            QString piece;
            if (!atom(piece))
                return false;
            int min = 1;
            if (!quantifier(min))
                return false;
            if (!skipping)
                for (int k = 0; k < min && out.size() < kMaxPatternSample; ++k)
                    out += piece;
        }
        return !inGroup;
    }

    bool quantifier(int &min)
    {
        if (atEnd())
            return true;
        const QChar c = m_p[m_i];
        if (c == u'?' || c == u'*') {
            min = 0;
            ++m_i;
        } else if (c == u'+') {
            min = 1;
            ++m_i;
        } else if (c == u'{') {
            const qsizetype close = m_p.indexOf(u'}', m_i);
            if (close < 0)
                return false;
            bool ok = false;
            min = m_p.mid(m_i + 1, close - m_i - 1).section(u',', 0, 0).toInt(&ok);
            if (!ok || min < 0)
                return false;
            min = qMin(min, kMaxPatternSample);
            m_i = close + 1;
        } else {
            return true;
        }
        if (!atEnd() && (m_p[m_i] == u'?' || m_p[m_i] == u'+')) // lazy / possessive
            ++m_i;
        return true;
    }

    bool atom(QString &out)
    {
        const QChar c = m_p[m_i++];
        if (c == u'^' || c == u'$')
            return true;
        if (c == u'.') {
            out = QStringLiteral("a");
            return true;
        }
        if (c == u'(') {
            if (m_p.mid(m_i, 2) == QLatin1StringView("?:"))
                m_i += 2;
            else if (!atEnd() && m_p[m_i] == u'?')
                return false; // look-arounds, named groups
            if (!sequence(out, true) || atEnd())
                return false;
            ++m_i; // ')'
            return true;
        }
        if (c == u'[')
            return characterClass(out);
        if (c == u'\\') {
            if (atEnd())
                return false;
            const QChar e = m_p[m_i++];
            if (e == u'd')
                out = QStringLiteral("0");
            else if (e == u'w')
                out = QStringLiteral("a");
            else if (e == u's')
                out = QStringLiteral(" ");
            else if (e.isLetterOrNumber())
                return false; // \b, \p{…}, back-references
            else
                out = e;
            return true;
        }
        if (c == u')' || c == u'*' || c == u'+' || c == u'?' || c == u'{')
            return false;
        out = c;
        return true;
    }

    bool characterClass(QString &out)
    {
        bool negated = false;
        if (!atEnd() && m_p[m_i] == u'^') {
            negated = true;
            ++m_i;
        }
        QList<std::pair<QChar, QChar>> ranges;
        bool first = true;
        while (!atEnd() && (m_p[m_i] != u']' || first)) {
            first = false;
            QChar lo = m_p[m_i++];
            if (lo == u'\\') {
                if (atEnd())
                    return false;
                const QChar e = m_p[m_i++];
                if (e == u'd') {
                    ranges.append({u'0', u'9'});
                    continue;
                }
                if (e == u'w') {
                    ranges.append({u'a', u'z'});
                    continue;
                }
                if (e == u's') {
                    ranges.append({u' ', u' '});
                    continue;
                }
                lo = e;
            }
            QChar hi = lo;
            if (m_i + 1 < m_p.size() && m_p[m_i] == u'-' && m_p[m_i + 1] != u']') {
                hi = m_p[m_i + 1];
                m_i += 2;
                if (hi == u'\\' && !atEnd())
                    hi = m_p[m_i++];
            }
            ranges.append({lo, hi});
        }
        if (atEnd())
            return false;
        ++m_i; // ']'
        auto inside = [&ranges](QChar ch) {
            for (const auto &[lo, hi] : ranges)
                if (ch >= lo && ch <= hi)
                    return true;
            return false;
        };
        for (const QChar ch : kPatternAlphabet)
            if (inside(ch) != negated) {
                out = ch;
                return true;
            }
        if (!negated && !ranges.isEmpty()) {
            out = ranges.first().first;
            return true;
        }
        return false;
    }

    QString m_p;
    qsizetype m_i = 0;
};

class Generator
{
public:
    Generator(const Document &doc, ExampleFor purpose)
        : m_doc(doc)
        , m_purpose(purpose)
    {
    }

    /** Undefined means "leave this value out". */
    QJsonValue value(const QJsonValue &schemaValue, int depth)
    {
        if (depth > kMaxExampleDepth || m_used > m_budget)
            return QJsonValue(QJsonValue::Undefined);
        QJsonObject s = schemaValue.toObject();
        const QString ref = s.value(QStringLiteral("$ref")).toString();
        if (!ref.isEmpty()) {
            if (m_refs.contains(ref))
                return QJsonValue(QJsonValue::Undefined); // recursion: cut here
            m_refs << ref;
            const QJsonValue v = value(m_doc.resolve(s), depth + 1);
            m_refs.removeLast();
            return v;
        }
        if (const auto given = literal(s))
            return charge(*given);
        if (s.contains(QStringLiteral("allOf")))
            return merged(s, depth);
        for (const char *choice : {"oneOf", "anyOf"}) {
            const QJsonArray options = s.value(QLatin1StringView(choice)).toArray();
            if (!options.isEmpty())
                return chosen(s, options, depth);
        }
        return typed(s, depth);
    }

    qint64 used() const { return m_used; }

private:
    QJsonValue charge(const QJsonValue &v)
    {
        if (v.isObject() || v.isArray())
            m_used += QJsonDocument(v.isObject() ? QJsonDocument(v.toObject())
                                                 : QJsonDocument(v.toArray()))
                          .toJson(QJsonDocument::Compact)
                          .size();
        else if (v.isString())
            m_used += v.toString().size() + 2;
        else
            m_used += 5;
        return v;
    }

    static std::optional<QJsonValue> literal(const QJsonObject &s)
    {
        if (s.contains(QStringLiteral("example")))
            return s.value(QStringLiteral("example"));
        const QJsonArray examples = s.value(QStringLiteral("examples")).toArray();
        if (!examples.isEmpty()) // JSON Schema (OpenAPI 3.1): a list of values
            return examples.first();
        if (s.contains(QStringLiteral("const")))
            return s.value(QStringLiteral("const"));
        if (s.contains(QStringLiteral("default")))
            return s.value(QStringLiteral("default"));
        for (const QJsonValue &e : s.value(QStringLiteral("enum")).toArray())
            if (!e.isNull())
                return e;
        return std::nullopt;
    }

    /** allOf: one schema with every part's properties and requirements. */
    QJsonValue merged(const QJsonObject &s, int depth)
    {
        QJsonObject out;
        QJsonObject properties;
        QJsonArray required;
        std::vector<std::pair<QJsonObject, int>> todo {{s, 0}};
        QStringList seen;
        int visited = 0;
        std::optional<QJsonValue> example;
        while (!todo.empty() && ++visited <= kMaxMergedSchemas) {
            auto [part, level] = todo.back();
            todo.pop_back();
            const QString ref = part.value(QStringLiteral("$ref")).toString();
            if (!ref.isEmpty()) {
                if (seen.contains(ref) || m_refs.contains(ref))
                    continue;
                seen << ref;
                part = m_doc.resolveObject(part);
            }
            if (level > 0 && !example)
                if (const auto given = literal(part); given && given->isObject())
                    example = given;
            for (auto it = part.begin(); it != part.end(); ++it) {
                const QString &k = it.key();
                if (k == QLatin1StringView("allOf")) {
                    const QJsonArray parts = it.value().toArray();
                    for (qsizetype i = parts.size() - 1; i >= 0; --i)
                        todo.emplace_back(parts.at(i).toObject(), level + 1);
                } else if (k == QLatin1StringView("properties")) {
                    const QJsonObject p = it.value().toObject();
                    // A property several parts describe must satisfy all of them.
                    for (auto pi = p.begin(); pi != p.end(); ++pi)
                        properties.insert(
                            pi.key(),
                            properties.contains(pi.key()) ? QJsonValue(
                                QJsonObject {{QStringLiteral("allOf"),
                                              QJsonArray {properties.value(pi.key()), pi.value()}}})
                                                          : pi.value());
                } else if (k == QLatin1StringView("required")) {
                    for (const QJsonValue &r : it.value().toArray())
                        if (!required.contains(r))
                            required.append(r);
                } else if (k != QLatin1StringView("$ref") && !out.contains(k)) {
                    out.insert(k, it.value());
                }
            }
        }
        if (example && properties.isEmpty())
            return charge(*example);
        if (!properties.isEmpty()) {
            out.insert(QStringLiteral("properties"), properties);
            if (!out.contains(QStringLiteral("type")))
                out.insert(QStringLiteral("type"), QStringLiteral("object"));
        }
        if (!required.isEmpty())
            out.insert(QStringLiteral("required"), required);
        out.remove(QStringLiteral("example"));
        return value(out, depth + 1);
    }

    /** oneOf / anyOf: the discriminator's first mapping, else the first usable choice. */
    QJsonValue chosen(const QJsonObject &s, const QJsonArray &options, int depth)
    {
        const QJsonObject discriminator = s.value(QStringLiteral("discriminator")).toObject();
        const QString property = discriminator.value(QStringLiteral("propertyName")).toString();
        const QJsonObject mapping = discriminator.value(QStringLiteral("mapping")).toObject();
        QJsonValue pick;
        QString tag;
        if (!mapping.isEmpty()) {
            tag = mapping.begin().key();
            QString ref = mapping.begin().value().toString();
            if (!ref.startsWith(u'#')) // a bare schema name
                ref = QStringLiteral("#/components/schemas/") + ref;
            pick = QJsonObject {{QStringLiteral("$ref"), ref}};
        } else {
            for (const QJsonValue &o : options) {
                const QJsonObject resolved = m_doc.resolveObject(o);
                if (resolved.value(QStringLiteral("type")).toString() == QLatin1StringView("null"))
                    continue;
                pick = o;
                tag = o.toObject().value(QStringLiteral("$ref")).toString().section(u'/', -1);
                break;
            }
            if (pick.isUndefined() || pick.isNull())
                pick = options.first();
        }
        // The choice inherits what the parent schema says beside oneOf (type, properties).
        QJsonValue v = value(pick, depth + 1);
        if (v.isObject() && !property.isEmpty() && !tag.isEmpty()) {
            QJsonObject o = v.toObject();
            if (!o.value(property).isString() || mapping.contains(tag))
                o.insert(property, tag);
            v = o;
        }
        return v;
    }

    static QString typeOf(const QJsonObject &s)
    {
        const QJsonValue t = s.value(QStringLiteral("type"));
        if (t.isString())
            return t.toString();
        for (const QJsonValue &x : t.toArray()) // 3.1: [string, "null"]
            if (x.toString() != QLatin1StringView("null"))
                return x.toString();
        if (t.isArray())
            return QStringLiteral("null");
        if (s.contains(QStringLiteral("properties"))
            || s.contains(QStringLiteral("additionalProperties")))
            return QStringLiteral("object");
        if (s.contains(QStringLiteral("items")))
            return QStringLiteral("array");
        return {};
    }

    QJsonValue typed(const QJsonObject &s, int depth)
    {
        const QString type = typeOf(s);
        if (type == QLatin1StringView("object"))
            return object(s, depth);
        if (type == QLatin1StringView("array"))
            return array(s, depth);
        if (type == QLatin1StringView("string"))
            return charge(string(s));
        if (type == QLatin1StringView("integer") || type == QLatin1StringView("number"))
            return charge(number(s, type == QLatin1StringView("integer")));
        if (type == QLatin1StringView("boolean"))
            return charge(true);
        return charge(QJsonValue());
    }

    QJsonValue object(const QJsonObject &s, int depth)
    {
        QJsonObject out;
        m_used += 2;
        const QJsonObject props = s.value(QStringLiteral("properties")).toObject();
        const QJsonArray required = s.value(QStringLiteral("required")).toArray();
        const char *skip = m_purpose == ExampleFor::Response ? "writeOnly" : "readOnly";
        for (auto it = props.begin(); it != props.end(); ++it) {
            if (m_used > m_budget)
                break;
            const QJsonObject p = m_doc.resolveObject(it.value());
            if (p.value(QLatin1StringView(skip)).toBool())
                continue;
            const QJsonValue v = value(it.value(), depth + 1);
            if (v.isUndefined()) {
                if (required.contains(it.key()))
                    out.insert(it.key(), QJsonValue());
                continue;
            }
            m_used += it.key().size() + 4;
            out.insert(it.key(), v);
        }
        // A required name the schema does not describe must still be there (any value).
        for (const QJsonValue &r : required)
            if (!props.contains(r.toString()) && !out.contains(r.toString()))
                out.insert(r.toString(), QJsonValue());
        const QJsonValue extra = s.value(QStringLiteral("additionalProperties"));
        if (props.isEmpty() && extra.isObject()) {
            const QJsonValue v = value(extra, depth + 1);
            if (!v.isUndefined())
                out.insert(QStringLiteral("additionalProp1"), v);
        }
        return out;
    }

    QJsonValue array(const QJsonObject &s, int depth)
    {
        QJsonArray out;
        m_used += 2;
        if (s.value(QStringLiteral("maxItems")).toInt(1) == 0)
            return out;
        const int count = qBound(1, s.value(QStringLiteral("minItems")).toInt(1), kMaxExampleItems);
        for (int i = 0; i < count && m_used <= m_budget; ++i) {
            const QJsonValue v = value(s.value(QStringLiteral("items")), depth + 1);
            if (v.isUndefined())
                break;
            out.append(v);
        }
        return out;
    }

    static QJsonValue string(const QJsonObject &s)
    {
        const QString format = s.value(QStringLiteral("format")).toString();
        static const QHash<QString, QString> byFormat {
            {QStringLiteral("date-time"), QStringLiteral("2024-01-01T00:00:00Z")},
            {QStringLiteral("date"), QStringLiteral("2024-01-01")},
            {QStringLiteral("time"), QStringLiteral("00:00:00Z")},
            {QStringLiteral("duration"), QStringLiteral("P1D")},
            {QStringLiteral("uuid"), QStringLiteral("3fa85f64-5717-4562-b3fc-2c963f66afa6")},
            {QStringLiteral("email"), QStringLiteral("user@example.com")},
            {QStringLiteral("idn-email"), QStringLiteral("user@example.com")},
            {QStringLiteral("uri"), QStringLiteral("https://example.com/")},
            {QStringLiteral("url"), QStringLiteral("https://example.com/")},
            {QStringLiteral("uri-reference"), QStringLiteral("/example")},
            {QStringLiteral("hostname"), QStringLiteral("example.com")},
            {QStringLiteral("ipv4"), QStringLiteral("192.0.2.1")},
            {QStringLiteral("ipv6"), QStringLiteral("2001:db8::1")},
            {QStringLiteral("byte"), QStringLiteral("ZXhhbXBsZQ==")},
            {QStringLiteral("binary"), QStringLiteral("")},
            {QStringLiteral("password"), QStringLiteral("********")},
        };
        QString v = byFormat.value(format, QStringLiteral("string"));
        const QString pattern = s.value(QStringLiteral("pattern")).toString();
        if (!pattern.isEmpty() && !QRegularExpression(pattern).match(v).hasMatch()) {
            const auto sample = PatternSample(pattern).run();
            if (sample && QRegularExpression(pattern).match(*sample).hasMatch())
                return *sample;
        }
        const int minLength = s.value(QStringLiteral("minLength")).toInt(0);
        const int maxLength = s.value(QStringLiteral("maxLength")).toInt(-1);
        if (v.size() < minLength)
            v += QString(qMin(minLength, 4096) - v.size(), u'x');
        if (maxLength >= 0 && v.size() > maxLength)
            v.truncate(maxLength);
        return v;
    }

    static QJsonValue number(const QJsonObject &s, bool integer)
    {
        double v = 0;
        const QJsonValue min = s.value(QStringLiteral("minimum"));
        const QJsonValue max = s.value(QStringLiteral("maximum"));
        const QJsonValue exMin = s.value(QStringLiteral("exclusiveMinimum"));
        const QJsonValue exMax = s.value(QStringLiteral("exclusiveMaximum"));
        const double step = integer ? 1 : 0.5;
        if (min.isDouble())
            v = min.toDouble() + (exMin.toBool() ? step : 0);
        else if (exMin.isDouble()) // 3.1: a number
            v = exMin.toDouble() + step;
        if (max.isDouble() && v > max.toDouble())
            v = max.toDouble() - (exMax.toBool() ? step : 0);
        else if (exMax.isDouble() && v >= exMax.toDouble())
            v = exMax.toDouble() - step;
        const double multiple = s.value(QStringLiteral("multipleOf")).toDouble(0);
        if (multiple > 0)
            v = std::ceil(v / multiple) * multiple;
        if (integer)
            return static_cast<qint64>(std::ceil(v));
        return v;
    }

    const Document &m_doc;
    ExampleFor m_purpose;
    QStringList m_refs; ///< references being expanded, outermost first
    qint64 m_used = 0;
    /// Approximate: leaves room for separators the estimate does not count.
    const qint64 m_budget = kMaxExampleBytes * 3 / 4;
};

} // namespace

QJsonValue exampleFromSchema(const Document &document, const QJsonValue &schema, ExampleFor purpose)
{
    Generator g(document, purpose);
    const QJsonValue v = g.value(schema, 0);
    return v.isUndefined() ? QJsonValue() : v;
}

} // namespace Airgate::OpenApi
