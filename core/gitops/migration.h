// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/workspace.h"
#include "util/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>

#include <vector>

namespace Airgate::GitOps {

/** @brief One entry of the catalogue of stale fields and kinds, and their current form. */
struct MigrationInfo
{
    const char *id; ///< stable name, e.g. "plan-requests"
    const char *kind; ///< the kind it applies to ("APIPlan", "Traefik kinds")
    const char *from; ///< the stale form: "spec.rateLimit.requests"
    const char *to; ///< the current form: "spec.rateLimit.limit"
    /// Whether `migrate` rewrites it; otherwise a person decides and it is only listed.
    bool automatic;
    const char *source; ///< where the stale form comes from (older CRDs, older Hub docs)
};

/** The catalogue, in the order `migrate --list` prints it. */
const std::vector<MigrationInfo> &migrationCatalogue();

/** @brief A byte range of a file's text and what replaces it. */
struct TextEdit
{
    qsizetype offset = 0;
    qsizetype length = 0;
    QByteArray text;
};

/** @brief One stale field or kind found in the workspace. */
struct MigrationFinding
{
    QString id; ///< MigrationInfo::id
    bool automatic = false; ///< edits hold the rewrite; otherwise a person must decide
    QString file; ///< workspace-relative
    Yaml::Mark mark;
    QString kind;
    QString ns;
    QString name;
    QString field; ///< "spec.rateLimit.requests"; empty for a whole kind
    /// "rateLimit.requests → rateLimit.limit", or what the person has to decide and why.
    QString message;
    std::vector<TextEdit> edits; ///< into the file's text (WorkspaceFile::original)

    /** "APIPlan apps/standard-plan" */
    QString resource() const;
};

/** @brief What `migrate` would do to a workspace, computed without touching the disk. */
struct MigrationPlan
{
    std::vector<MigrationFinding> findings; ///< by file, then position
    QMap<QString, QByteArray> before; ///< workspace-relative path → its text now (changed files)
    QMap<QString, QByteArray> after; ///< the same paths → the text once migrated
    int automaticCount() const;
    int manualCount() const;
    /** `diff -u` of every changed file (`--- a/FILE` / `+++ b/FILE`), empty when none. */
    QByteArray unifiedDiff() const;
};

/** @brief What planMigration() looks for. */
struct MigrationOptions
{
    /// The workspace is for an offline cluster: a JWKS the gateway would fetch from a URL (even
    /// under trustedIssuers) needs its content in jwt.jwksFile, which a person must provide.
    bool offline = false;
};

/**
 * Finds the stale fields and kinds of @p ws (see migrationCatalogue()). Automatic migrations are
 * byte edits of the affected lines only — every other byte of the file (comments, quoting, key
 * order, blank lines) stays; a migration that needs a person (what to create, which of two
 * values to keep) is listed with no edits. Two edits that would touch the same bytes keep the
 * first; the second is listed for a later run.
 */
MigrationPlan planMigration(const Workspace &ws, const MigrationOptions &options = {});

/** @p text with the edits of @p findings applied (they must not overlap). */
QByteArray applyEdits(const QByteArray &text,
                      const std::vector<const MigrationFinding *> &findings);

/**
 * Writes the plan's changed files under @p root, each atomically, after checking that none
 * changed on disk since the plan was made (otherwise nothing is written).
 */
Status writeMigration(const MigrationPlan &plan, const QString &root);

} // namespace Airgate::GitOps
