// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "yamlnode.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace Airgate::Yaml {

/**
 * Writes an edited tree back into the text it was read from, changing only what differs.
 *
 * @p oldRoot was parsed from @p text (its marks point into it) and its document content lies in
 * the bytes [@p begin, @p end). The result replaces those bytes: a changed scalar is rewritten
 * where it stands (its quoting kept when it can be), a renamed key in place, a removed entry or
 * list item leaves with its lines, an added one is inserted after its predecessor at its
 * siblings' indentation. Every comment, blank line, key order and untouched value outside the
 * changed entries keeps its bytes; an entry that cannot be changed in place (a flow collection,
 * a multi-line scalar, reordered keys) is rewritten as a whole, in the emitter's style.
 *
 * @return the new bytes for [@p begin, @p end), which read back as @p newRoot; nullopt when the
 * text cannot be patched (the caller then writes the whole document).
 */
std::optional<std::string> patchDocumentText(std::string_view text, std::size_t begin,
                                             std::size_t end, const Node &oldRoot,
                                             const Node &newRoot);

} // namespace Airgate::Yaml
