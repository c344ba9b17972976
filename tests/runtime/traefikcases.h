// SPDX-License-Identifier: Apache-2.0
// Traefik v3's own router-rule test tables (../shared/external/traefik-rules/cases.json, read in
// place through AIRGATE_SHARED_DIR, never copied): the loader shared by the unit run
// (validator + compiled router) and the wire run (airgatectl serve, raw sockets).
#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace AirgateTest {

struct TraefikRequest
{
    QByteArray method;
    QByteArray host;
    QByteArray target;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray source; ///< client address; empty = 127.0.0.1
    QByteArray raw; ///< exact bytes, when the row gives them
    bool match = false;
    QList<int> accept; ///< statuses accepted as "not routed" besides 404

    /** The request as bytes on the wire. */
    QByteArray bytes() const
    {
        if (!raw.isEmpty())
            return raw;
        QByteArray b = method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n";
        for (const auto &h : headers)
            b += h.first + ": " + h.second + "\r\n";
        return b + "\r\n";
    }
};

struct TraefikRule
{
    QString id;
    QString test;
    QString desc;
    QString rule;
    bool valid = false;
    QList<TraefikRequest> requests;
    QString label() const { return id + QStringLiteral(" ") + test + QStringLiteral(": ") + desc; }
};

struct TraefikPriorityRoute
{
    QString id;
    QString rule;
    std::optional<qint64> priority;
};

struct TraefikPriority
{
    QString id;
    QString desc;
    QByteArray host;
    QByteArray path;
    QList<TraefikPriorityRoute> routes;
    QString expected;
};

struct TraefikCases
{
    QList<TraefikRule> rules;
    QList<TraefikPriority> priority;
    int notPorted = 0;
    QString error; ///< why the corpus could not be read
    int requestCount() const
    {
        int n = 0;
        for (const TraefikRule &r : rules)
            n += static_cast<int>(r.requests.size());
        return n;
    }
};

inline QString traefikCasesPath()
{
    return QStringLiteral(AIRGATE_SHARED_DIR "/external/traefik-rules/cases.json");
}

inline TraefikCases loadTraefikCases()
{
    TraefikCases out;
    QFile f(traefikCasesPath());
    if (!f.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("%1 is absent").arg(f.fileName());
        return out;
    }
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    auto bytes = [](const QJsonValue &v) { return v.toString().toUtf8(); };
    for (const QJsonValue &rv : root.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject o = rv.toObject();
        TraefikRule r;
        r.id = o.value(QStringLiteral("id")).toString();
        r.test = o.value(QStringLiteral("test")).toString();
        r.desc = o.value(QStringLiteral("desc")).toString();
        r.rule = o.value(QStringLiteral("rule")).toString();
        r.valid = o.value(QStringLiteral("valid")).toBool();
        for (const QJsonValue &qv : o.value(QStringLiteral("requests")).toArray()) {
            const QJsonObject q = qv.toObject();
            TraefikRequest t;
            t.method = bytes(q.value(QStringLiteral("method")));
            t.host = bytes(q.value(QStringLiteral("host")));
            t.target = bytes(q.value(QStringLiteral("target")));
            t.source = bytes(q.value(QStringLiteral("source")));
            t.raw = bytes(q.value(QStringLiteral("raw")));
            t.match = q.value(QStringLiteral("match")).toBool();
            for (const QJsonValue &h : q.value(QStringLiteral("headers")).toArray())
                t.headers << qMakePair(bytes(h.toArray().at(0)), bytes(h.toArray().at(1)));
            for (const QJsonValue &a : q.value(QStringLiteral("accept")).toArray())
                t.accept << a.toInt();
            r.requests << t;
        }
        out.rules << r;
    }
    for (const QJsonValue &pv : root.value(QStringLiteral("priority")).toArray()) {
        const QJsonObject o = pv.toObject();
        TraefikPriority p;
        p.id = o.value(QStringLiteral("id")).toString();
        p.desc = o.value(QStringLiteral("desc")).toString();
        p.host = bytes(o.value(QStringLiteral("host")));
        p.path = bytes(o.value(QStringLiteral("path")));
        p.expected = o.value(QStringLiteral("expected")).toString();
        for (const QJsonValue &rv : o.value(QStringLiteral("routes")).toArray()) {
            const QJsonObject ro = rv.toObject();
            TraefikPriorityRoute route;
            route.id = ro.value(QStringLiteral("id")).toString();
            route.rule = ro.value(QStringLiteral("rule")).toString();
            if (ro.contains(QStringLiteral("priority")))
                route.priority = ro.value(QStringLiteral("priority")).toInteger();
            p.routes << route;
        }
        out.priority << p;
    }
    out.notPorted = static_cast<int>(root.value(QStringLiteral("not_ported")).toArray().size());
    if (out.rules.isEmpty())
        out.error = QStringLiteral("%1 holds no rules").arg(f.fileName());
    return out;
}

/** A YAML single-quoted scalar: every byte literal, quotes doubled. */
inline QByteArray yamlSingleQuoted(const QString &s)
{
    return '\'' + s.toUtf8().replace('\'', "''") + '\'';
}

/** One IngressRoute (no API annotation) in namespace apps routing @p rule to Service backend. */
inline QByteArray ingressRoute(const QString &name, const QString &rule,
                               std::optional<qint64> priority = std::nullopt,
                               const QString &entryPoint = {})
{
    QByteArray y = "---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: "
        + name.toUtf8() + ", namespace: apps}\nspec:\n";
    if (!entryPoint.isEmpty())
        y += "  entryPoints: [" + entryPoint.toUtf8() + "]\n";
    y += "  routes:\n  - match: " + yamlSingleQuoted(rule) + "\n";
    if (priority)
        y += "    priority: " + QByteArray::number(*priority) + "\n";
    return y + "    services: [{name: backend, port: 80}]\n";
}

} // namespace AirgateTest
