// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "http/httpmessage.h"
#include "util/result.h"
#include "yaml/yamlnode.h"

#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <memory>

namespace Airgate::Runtime {

/**
 * @brief A `mock:` service: answers from an OpenAPI document's examples (status, content type,
 * body) and serves the document itself at the API's `openApiSpec.path`; 404 otherwise.
 */
class MockApi
{
public:
    /** Reads an OpenAPI 3 document in JSON or YAML. */
    static Result<std::shared_ptr<const MockApi>> load(const QString &file);
    static Result<std::shared_ptr<const MockApi>> fromDocument(const QJsonObject &document,
                                                               QString name);

    /** The mocked answer for a request path (already stripped of any route prefix). */
    Http::Response respond(const QByteArray &method, const QByteArray &path,
                           const QList<QByteArray> &specPaths) const;

    const QJsonObject &document() const { return m_document; }
    int operationCount() const { return static_cast<int>(m_operations.size()); }

private:
    struct Operation
    {
        QByteArray method;
        QString pathTemplate;
        QRegularExpression pattern;
        int literalLength = 0; ///< more literal characters = more specific
        int status = 200;
        QByteArray contentType;
        QByteArray body;
    };
    QJsonObject m_document;
    QByteArray m_documentJson;
    QString m_name;
    QString m_basePath;
    QList<Operation> m_operations;
};

/** Converts a parsed YAML tree to JSON (scalars by their YAML 1.2 type). */
QJsonValue yamlToJson(const Yaml::Node *node);

} // namespace Airgate::Runtime
