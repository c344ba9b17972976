// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace Airgate {

/**
 * Checks a pattern the way Go's regexp (RE2 syntax) would accept it: it must compile, and it
 * must not use what RE2 lacks (look-around, back-references, atomic groups, possessive
 * quantifiers, recursion, conditionals, \G, \K, \Z). @return why it is rejected, or nullopt.
 */
std::optional<QString> goRegexpProblem(const QString &pattern);

} // namespace Airgate
