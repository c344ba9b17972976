// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "semanticdiff.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Airgate::GitOps {

enum class DiffFormat {
    Unified, ///< like `kubectl diff`: one `diff -u -N` per resource, field changes as `#` lines
    Json, ///< one object: summary, resources, field changes with old and new values
    Markdown, ///< a table and the unified diffs in a folded block, for a merge request
};

bool parseDiffFormat(const QString &name, DiffFormat &out);

/**
 * Renders @p diff. @p beforeLabel names what was compared against ("git:HEAD", "gateway", a
 * path) and @p afterLabel the workspace; they prefix the file names of the unified form.
 */
QByteArray renderDiff(const SemanticDiff &diff, DiffFormat format, const QString &beforeLabel,
                      const QString &afterLabel);

/** The JSON form as an object (the console reads it too). */
QJsonObject diffToJson(const SemanticDiff &diff, const QString &beforeLabel,
                       const QString &afterLabel);

/** "changed spec.rateLimit.limit: 100 → 200", "added spec.quota: {limit: 1000, period: 1h}". */
QString describe(const FieldChange &change);

} // namespace Airgate::GitOps
