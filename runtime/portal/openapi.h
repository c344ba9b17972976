// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/specs.h"

#include <QJsonObject>

#include <QString>
#include <QStringList>
#include <functional>

#include <optional>

namespace Airgate::Runtime::Portal {

/** Whether an operation (@p method upper case, @p path the OpenAPI path) is in operation set @p
 * set.
 */
bool operationInSet(const OperationSet &set, const QString &method, const QString &path);

/**
 * The document a portal user sees: operations outside @p allowedSets removed (nullopt keeps them
 * all; sets are looked up in @p sets by name), `servers` replaced by @p overrideServers when given,
 * paths left without operations dropped.
 */
QJsonObject filterDocument(const QJsonObject &doc, const QList<OperationSet> &sets,
                           const std::optional<QStringList> &allowedSets,
                           const QStringList &overrideServers);

/** @brief How the API page's operations are rendered. */
struct RenderOptions
{
    bool tryIt = true;
    QString apiKey; ///< "ns/name", for the try-it form's target
    QString csrf; ///< session token the try-it form sends back
    QString version; ///< APIVersion name, or empty
};

/**
 * Server-side HTML for a document's operations: grouped by tag, each with method, path, summary,
 * description, parameters, request body and responses (schemas with `$ref`s resolved, examples),
 * and a try-it form. Everything escaped; no script needed to read it.
 */
QString renderOperations(const QJsonObject &doc, const RenderOptions &options,
                         const std::function<QString(const char *)> &t);

/** Operation count of a (filtered) document. */
int operationCount(const QJsonObject &doc);

} // namespace Airgate::Runtime::Portal
