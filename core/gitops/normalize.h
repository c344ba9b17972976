// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yaml/yamlnode.h"

#include <QString>

namespace Airgate::GitOps {

/// The annotation `kubectl apply` keeps the applied manifest in.
inline constexpr std::string_view kLastAppliedAnnotation
    = "kubectl.kubernetes.io/last-applied-configuration";

/**
 * @brief Fields the API server (not the author) sets on an object, which `kubectl get` prints and
 * a manifest never holds: `status`, and metadata's uid, resourceVersion, generation,
 * creationTimestamp, managedFields, selfLink, deletionTimestamp, deletionGracePeriodSeconds and the
 * last-applied annotation.
 */
bool isServerSetMetadata(std::string_view key);

/**
 * A copy of @p object without server-set fields; the input is not modified (only the top level
 * and metadata are copied). With @p preferLastApplied, the object is taken from its last-applied
 * annotation when it holds one that parses (what the operator wrote, without server defaults),
 * keeping the live namespace when the annotation has none; @p note (when given) says which was
 * used or why the annotation was not.
 */
Yaml::NodePtr stripServerFields(const Yaml::NodePtr &object, bool preferLastApplied = false,
                                QString *note = nullptr);

/**
 * The form two objects are compared in: server-set fields stripped, map keys sorted, null values
 * and empty metadata.labels/annotations dropped, scalars reduced to their resolved type and value
 * (so quoting, flow style, key order and comments make no difference), and a Secret's
 * stringData folded into data as the API server stores it. Marks are kept.
 */
Yaml::NodePtr canonical(const Yaml::Node &object);

/** Equality of resolved scalars: `1` = `0x1`, `"a"` = `'a'` = `a`, but `"1"` ≠ `1`. */
bool sameScalar(const Yaml::Node &a, const Yaml::Node &b);

/** A short one-line rendering of a value for messages: `100`, `"1s"`, `{limit: 1}`, `[a, b]`. */
QString shortText(const Yaml::Node *node, int maxChars = 120);

} // namespace Airgate::GitOps
