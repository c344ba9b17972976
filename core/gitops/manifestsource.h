// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dumpreader.h"
#include "model/workspace.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Airgate::GitOps {

/** @brief Objects to compare and what produced them. */
struct ManifestSet
{
    QString label; ///< "git:HEAD", "gateway", a path
    std::vector<DumpObject> objects;
    QStringList notes;
};

/**
 * The resources of a loaded workspace as objects. A YAML error while loading makes the whole set
 * untrustworthy: it is returned as an error `file:line:col: message`.
 */
Result<ManifestSet> workspaceManifests(const Workspace &ws, const QString &label);

/** Files laid out as a workspace (a Git tree, the gateway's served snapshot), read as one. */
Result<ManifestSet> filesManifests(const QString &root,
                                   const QList<QPair<QString, QByteArray>> &files,
                                   const QString &label);

/**
 * What `diff --against` names, except `gateway` (which needs the admin API): `git:REV` (the
 * workspace folder as it is in that revision of its Git repository), a folder (read as a
 * workspace) or a file (read as a dump: kubectl `-o yaml`/`-o json`, a List, `-` for stdin).
 */
Result<ManifestSet> loadAgainst(const QString &spec, const QString &workspaceDir);

/**
 * The manifests a running gateway serves, from the JSON of its admin API's `GET /api/manifests`
 * (`{workspace, generation, source, files: [{path, content | contentBase64}]}`). @p served (when
 * given) receives "generation N (from the SOURCE)".
 */
Result<ManifestSet> servedManifests(const QByteArray &json, const QString &label,
                                    QString *served = nullptr);

} // namespace Airgate::GitOps
