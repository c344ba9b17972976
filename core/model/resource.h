// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kind.h"
#include "yaml/yamlnode.h"

#include <QMap>
#include <QString>

namespace Airgate {

/** @brief Where a resource came from: file (relative), document index, `kind: List` item, first
 * line. */
struct SourceLocation
{
    QString file;
    int document = 0;
    int item = -1;
    Yaml::Mark mark;
};

/** @brief kind + namespace + name, the identity of a resource in the workspace. */
struct ObjectRef
{
    Kind kind = Kind::Unknown;
    QString ns;
    QString name;
    friend bool operator==(const ObjectRef &, const ObjectRef &) = default;
    QString toString() const;
};

/**
 * @brief One Kubernetes object of the workspace: identity, labels and annotations, the
 * original YAML node (so unknown fields survive), and where it came from. Typed views
 * of `spec` come from the read*Spec() functions in specs.h.
 */
class Resource
{
public:
    Kind kind = Kind::Unknown;
    QString apiVersion;
    QString kindName;
    QString name;
    QString ns;
    bool namespaceSet = false;
    QMap<QString, QString> labels;
    QMap<QString, QString> annotations;
    Yaml::NodePtr node;
    SourceLocation source;
    int fileIndex = -1;
    int documentIndex = -1;

    const Yaml::Node *spec() const { return node ? node->get("spec") : nullptr; }
    ObjectRef ref() const { return {kind, ns, name}; }
    /** "APIAuth apps/default-auth" */
    QString displayName() const;
    /** The mark of a field path such as "spec.apis[0].name"; the deepest existing part when
     * missing. */
    Yaml::Mark markAt(QStringView fieldPath) const;
    /** The node at a field path, or nullptr. */
    const Yaml::Node *nodeAt(QStringView fieldPath) const;
};

/** Splits "spec.apis[0].name" / "data[key]" into segments: {"spec","apis","[0]","name"}. */
QStringList splitFieldPath(QStringView path);

} // namespace Airgate
