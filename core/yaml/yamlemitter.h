// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yamlnode.h"

#include <string>

namespace Airgate::Yaml {

/** @brief How a tree is written. */
struct EmitOptions
{
    /// Put apiVersion, kind, metadata, spec first at the top level (and name, namespace,
    /// labels, annotations first in metadata), as kubectl writes them.
    bool kubernetesKeyOrder = true;
};

/**
 * Writes one document in a stable kubectl style: two-space indentation, sequences
 * at their parent key's indentation, multi-line strings as literal blocks, and
 * strings that a YAML 1.1 reader would retype (`yes`, `01`, `1.10`, `on`) double-quoted.
 * The result ends with a newline and has no `---` marker.
 */
std::string emitDocument(const Node &root, const EmitOptions &options = {});

/** Writes one scalar string as it would appear after `key: ` (plain or double-quoted). */
std::string emitScalarString(const std::string &value);

/** @return true when @p s can be written as a plain scalar and read back as the same string. */
bool isPlainSafe(const std::string &s);

} // namespace Airgate::Yaml
