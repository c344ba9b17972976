// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yamlnode.h"

#include <QString>
#include <QStringList>

namespace Airgate::Yaml {

/**
 * Copy-on-write edits of a tree addressed by a field path ("spec.apis[0].name", as the
 * validator reports fields). The input tree is never modified: nodes along the path are
 * copied, everything else is shared, so old trees stay valid for undo.
 */
namespace Path {

QStringList split(const QString &path);
/** The node at @p path, or nullptr. */
const Node *get(const Node *root, const QString &path);
/** A new root with @p value at @p path; missing maps and list items along the way are created. */
NodePtr set(const NodePtr &root, const QString &path, NodePtr value);
/** A new root without the entry or item at @p path (unchanged when absent). */
NodePtr remove(const NodePtr &root, const QString &path);
/** A new root with @p item inserted into the list at @p path (at @p index, or appended when -1). */
NodePtr insertItem(const NodePtr &root, const QString &path, NodePtr item, int index = -1);
/** A new root with the list item at @p from moved to @p to. */
NodePtr moveItem(const NodePtr &root, const QString &path, int from, int to);
/** A new root with a map key renamed (position kept). */
NodePtr renameKey(const NodePtr &root, const QString &mapPath, const QString &from,
                  const QString &to);

} // namespace Path
} // namespace Airgate::Yaml
