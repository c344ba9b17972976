// SPDX-License-Identifier: Apache-2.0
#include "openapisample.h"

#include "openapi/schemaexample.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QUrl>

using namespace Airgate;

namespace AirgateTest {

/** A parameter value that fits its schema, as text. */
QString sampleText(const OpenApi::Document &doc, const QJsonObject &param)
{
    // The parameter's own example first: a generated value cannot match every pattern.
    QJsonValue v = param.value(QStringLiteral("example"));
    const QJsonObject examples = param.value(QStringLiteral("examples")).toObject();
    if (v.isUndefined() && !examples.isEmpty())
        v = doc.resolveObject(examples.begin().value()).value(QStringLiteral("value"));
    if (v.isUndefined())
        v = OpenApi::exampleFromSchema(doc, param.value(QStringLiteral("schema")),
                                       OpenApi::ExampleFor::Request);
    if (v.isString())
        return v.toString();
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &i : v.toArray())
            parts << (i.isString() ? i.toString() : i.toVariant().toString());
        return parts.join(u',');
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble());
    return QStringLiteral("x1");
}

/** A request an operation accepts: every required parameter and body filled from its schema. */
QByteArray sampleRequest(const OpenApi::Document &doc, const OpenApi::Operation &op,
                         const QByteArray &host)
{
    QString path = doc.basePath() + op.path;
    QStringList query;
    QByteArray headers;
    QList<QJsonObject> params;
    for (const QJsonValue &p : op.pathParameters)
        params << doc.resolveObject(p);
    for (const QJsonValue &p : op.object.value(QStringLiteral("parameters")).toArray())
        params << doc.resolveObject(p);
    for (const QJsonObject &p : params) {
        const QString name = p.value(QStringLiteral("name")).toString();
        const QString in = p.value(QStringLiteral("in")).toString();
        const QString value = sampleText(doc, p);
        if (in == QLatin1StringView("path"))
            path.replace(u'{' + name + u'}', QString::fromLatin1(QUrl::toPercentEncoding(value)));
        else if (!p.value(QStringLiteral("required")).toBool())
            continue;
        else if (in == QLatin1StringView("query"))
            query << QString::fromLatin1(QUrl::toPercentEncoding(name)) + u'='
                    + QString::fromLatin1(QUrl::toPercentEncoding(value));
        else if (in == QLatin1StringView("header"))
            headers += name.toLatin1() + ": " + value.toUtf8() + "\r\n";
        else if (in == QLatin1StringView("cookie"))
            headers += "Cookie: " + name.toLatin1() + '=' + value.toUtf8() + "\r\n";
    }
    QByteArray body;
    const QJsonObject rb = doc.resolveObject(op.object.value(QStringLiteral("requestBody")));
    const QJsonObject content = rb.value(QStringLiteral("content")).toObject();
    if (rb.value(QStringLiteral("required")).toBool() && !content.isEmpty()) {
        QString mime = content.keys().first();
        for (const QString &k : content.keys())
            if (k.contains(QLatin1StringView("json")))
                mime = k;
        const QJsonValue v = OpenApi::exampleFromSchema(
            doc, content.value(mime).toObject().value(QStringLiteral("schema")),
            OpenApi::ExampleFor::Request);
        body = v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
            : v.isArray()   ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                            : v.toVariant().toString().toUtf8();
        if (mime.contains(QLatin1StringView("form-urlencoded")) && v.isObject()) {
            QStringList pairs;
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                pairs << it.key() + u'=' + it.value().toVariant().toString();
            body = pairs.join(u'&').toUtf8();
        }
        if (body.isEmpty())
            body = "x"; // a binary body (application/x-tar …)
        headers += "Content-Type: " + mime.toLatin1() + "\r\n";
    }
    QByteArray target = path.toUtf8();
    if (!query.isEmpty())
        target += '?' + query.join(u'&').toUtf8();
    return op.method.toLatin1() + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
        + body;
}

} // namespace AirgateTest
