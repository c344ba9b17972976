// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/specs.h"
#include "openapi/openapidocument.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

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

/** The operations of @p doc inside @p allowedSets (all of them for nullopt), in document order. */
std::vector<const OpenApi::Operation *>
visibleOperations(const OpenApi::Document &doc, const QList<OperationSet> &sets,
                  const std::optional<QStringList> &allowedSets);

/** Stands for the session's form token in a rendered page that is cached for every user. */
inline constexpr char16_t kCsrfMarker = u'\x01';

/** @brief How the API page's operations are rendered. */
struct RenderOptions
{
    bool tryIt = true;
    QString apiKey; ///< "ns/name", for the try-it form's target
    QString csrf; ///< session token the try-it form sends back (or kCsrfMarker)
    QString version; ///< APIVersion name, or empty
};

/// Rendering bounds: schemas nest inline this deep (deeper ones are links), examples and
/// descriptions are cut at these sizes, and enums list this many values.
inline constexpr int kMaxInlineSchemaDepth = 3;
inline constexpr int kMaxExampleChars = 4096;
inline constexpr int kMaxDescriptionChars = 1500;
inline constexpr int kMaxEnumValues = 12;

/**
 * Server-side HTML for a document's @p operations: an index of tags with anchors, the
 * operations grouped by tag (method, path, summary, description, parameters, request body,
 * responses with their examples, a try-it form), then every component schema they use,
 * rendered once and linked from each use. Every walk has a constant depth bound, so a deep or
 * recursive document costs no stack. Everything escaped; no script needed to read it.
 */
QString renderOperations(const OpenApi::Document &doc,
                         const std::vector<const OpenApi::Operation *> &operations,
                         const RenderOptions &options,
                         const std::function<QString(const char *)> &t);
/** The same for a document in memory (every operation), for tests and small documents. */
QString renderOperations(const QJsonObject &doc, const RenderOptions &options,
                         const std::function<QString(const char *)> &t);

/** Operation count of a (filtered) document. */
int operationCount(const QJsonObject &doc);

} // namespace Airgate::Runtime::Portal
