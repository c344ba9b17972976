// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "dumpreader.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace Airgate::GitOps {

/** @brief One field that differs between two versions of a resource. */
struct FieldChange
{
    enum class Type { Added, Removed, Changed };
    Type type = Type::Changed;
    QString path; ///< "spec.rateLimit.limit", "metadata.annotations[hub.traefik.io/api]"
    Yaml::NodePtr before; ///< null when added
    Yaml::NodePtr after; ///< null when removed
    Yaml::Mark mark; ///< where the new value (or, when removed, the old one) is written
};

/** @brief A resource that is only on one side, or on both with different content. */
struct ResourceChange
{
    enum class Type { Added, Removed, Changed };
    Type type = Type::Changed;
    QString apiVersion;
    QString kind;
    QString ns;
    QString name;
    QString file; ///< the workspace side's file (the other side's when removed)
    Yaml::Mark mark;
    QString beforeFile; ///< the compared side's file
    std::vector<FieldChange> fields; ///< for Changed
    QByteArray beforeYaml; ///< canonical YAML of each side (empty when absent)
    QByteArray afterYaml;

    /** "hub.traefik.io.v1alpha1.APIPlan.apps.standard-plan", kubectl diff's file name. */
    QString kubectlName() const;
    /** "APIPlan apps/standard-plan" */
    QString displayName() const;
};

/** @brief The difference between what is compared against (before) and the workspace (after). */
struct SemanticDiff
{
    std::vector<ResourceChange> changes; ///< ordered by kind, namespace, name
    int unchanged = 0;
    QStringList notes; ///< what was left out of the comparison, with why
    bool isEmpty() const { return changes.empty(); }
    int count(ResourceChange::Type type) const;
};

/** @brief What the comparison leaves out. */
struct DiffOptions
{
    /// Objects of kinds `import` would skip (Deployments, Pods… from a cluster dump) on the
    /// compared side only are left out with a note rather than reported as removed.
    bool ignoreUnrelatedKinds = true;
};

/**
 * Compares two sets of objects resource by resource (identity: API group, kind, namespace, name),
 * blind to formatting, key order, quoting, comments, documents and files, and to fields the
 * server sets (status, uid, resourceVersion, managedFields, the last-applied annotation…). Field
 * paths are written as the validator writes them; lists are compared item by item.
 */
SemanticDiff diffObjects(const std::vector<DumpObject> &before,
                         const std::vector<DumpObject> &after, const DiffOptions &options = {});

} // namespace Airgate::GitOps
