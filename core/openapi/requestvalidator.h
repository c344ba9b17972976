// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "openapidocument.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>

namespace Airgate::OpenApi {

/** Violations reported for one request at most (the rest would only repeat). */
inline constexpr int kMaxViolations = 50;
/** Nesting of a request body that is checked; deeper values are taken as they are. */
inline constexpr int kMaxValidationDepth = 64;

/** @brief One way a request does not match its operation. */
struct Violation
{
    QStringList location; ///< ["query", "limit"], ["body", "items", "0", "name"]
    QString code; ///< the JSON Schema keyword that failed ("required", "type", "enum" …)
    QString message;
};

/** @brief The parts of an HTTP request an operation constrains. */
struct RequestParts
{
    QMap<QString, QString> pathParameters; ///< from the matched template
    QList<std::pair<QString, QString>> query; ///< decoded, in order
    /// A header's value by name (case-insensitive); empty when absent.
    std::function<QByteArray(const QByteArray &name)> header;
    QByteArray body;
};

/** @brief Why the body could not be checked at all (the mock answers 415). */
struct ValidationResult
{
    QList<Violation> violations;
    bool unsupportedMediaType = false;
    QString mediaTypeMessage;
};

/**
 * Checks a request against its operation as Stoplight Prism does before mocking: required
 * parameters (path, query, header, cookie) present and of their schema's type after the
 * usual string coercion, and the body: required when the operation says so, of a declared
 * media type, and (JSON, form) valid against its schema. readOnly properties are not required
 * of requests. Bounded: kMaxValidationDepth, kMaxViolations.
 */
ValidationResult validateRequest(const Document &document, const Operation &operation,
                                 const RequestParts &request);

/** @p value against @p schema; violations are located under @p location. A required
 * readOnly property is not required of a request, a required writeOnly one not of a response
 * (OpenAPI 3.0 §4.7.25). */
QList<Violation> validateValue(const Document &document, const QJsonValue &schema,
                               const QJsonValue &value, const QStringList &location = {},
                               bool request = false);

} // namespace Airgate::OpenApi
