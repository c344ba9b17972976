// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/specs.h"
#include "openapidocument.h"

namespace Airgate::OpenApi {

/// The CRD's bounds: `operationSets` and each set's `matchers` hold at most 100 items.
inline constexpr int kMaxOperationSets = 100;
inline constexpr int kMaxMatchersPerSet = 100;

/**
 * The matcher that selects exactly one operation: its method, and its path — `path` for a
 * literal one, an anchored RE2-compatible `pathRegex` for a template (`/repos/{owner}/{repo}` →
 * `^/repos/[^/]+/[^/]+$`, a parameter never crossing a `/`). With a server base path
 * (`/v1.56`), requests may carry it or not: `^(?:/v1\.56)?/containers/json$`.
 */
OperationMatcher exactMatcher(const Operation &operation, const QString &basePath = {});

/**
 * One operation set per tag, in the document's order of first use, named by the tag as a DNS
 * label (made unique), with exact matchers for the tagged operations: a subscription limited
 * to a set reaches that tag's operations and nothing else. One matcher per operation; past the
 * CRD's 100 matchers, one per path (its methods together), then paths answering the same
 * methods share an anchored alternation — still exact. Tags past the 100th get no set (said
 * in @p notes).
 */
QList<OperationSet> operationSetsByTag(const Document &document, QStringList *notes = nullptr);

/** A tag as an operation set name: lower case, [a-z0-9-], at most 63 characters. */
QString setNameForTag(const QString &tag);

} // namespace Airgate::OpenApi
