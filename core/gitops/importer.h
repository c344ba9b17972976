// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dumpreader.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Airgate::GitOps {

/** @brief Where imported objects go, as `export` lays them out. */
enum class ImportLayout {
    Namespaces, ///< `<namespace>/<kind plural>.yaml`, export's `namespaces` layout
    Kinds, ///< `<kind plural>.yaml` at the workspace root, every namespace together
};

bool parseImportLayout(const QString &name, ImportLayout &out);

/** @brief How `airgatectl import` treats a dump. */
struct ImportOptions
{
    ImportLayout layout = ImportLayout::Namespaces;
    /// Take each object from its `kubectl.kubernetes.io/last-applied-configuration` annotation
    /// when it has one (what the operator applied, without server defaults).
    bool preferLastApplied = false;
    /// Replace resources the workspace already holds with different content (in their file).
    bool force = false;
};

/** @brief What an import will do, computed without touching the disk. */
struct ImportPlan
{
    QMap<QString, QByteArray> writes; ///< workspace-relative path → the file's new bytes
    QStringList createdFiles;
    QStringList updatedFiles;
    int added = 0; ///< resources new to the workspace
    int replaced = 0; ///< resources that differed and were replaced (--force)
    int unchanged = 0; ///< resources already there with the same content
    int fromLastApplied = 0;
    QStringList skipped; ///< objects left out, with why
    QStringList warnings; ///< plaintext keys turned into digests, unreadable annotations
    QStringList conflicts; ///< resources that differ from the workspace's (refused without force)
    bool changesNothing() const { return writes.isEmpty(); }
};

/**
 * Plans importing @p dump into the workspace at @p workspaceDir (which may not exist yet):
 * server-set fields are stripped; Hub and Traefik objects are taken, with the Secrets and
 * ConfigMaps they (or the workspace's resources) name; everything else is skipped and listed.
 * Secrets holding a plaintext API key (and inline `apiKeys[].value` plaintexts) become their
 * SHAKE256 digest, with a warning. A resource the workspace already holds is left alone when it is
 * the same (so importing twice changes nothing) and is a conflict when it differs — replaced in its
 * own file only with `force`. New resources go to the layout's files, appended after what is
 * there; untouched bytes stay as they are.
 *
 * An error (a resource defined twice in the dump with different content) means nothing is to be
 * written.
 */
Result<ImportPlan> planImport(const Dump &dump, const QString &workspaceDir,
                              const ImportOptions &options);

/** Writes a plan's files, each atomically; refuses a plan with conflicts. */
Status applyImport(const ImportPlan &plan, const QString &workspaceDir);

} // namespace Airgate::GitOps
