// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "validation/diagnostic.h"

namespace Airgate::Console {

/**
 * Rewrites what a CEL rule's evaluation error says about a value being typed (a list item added
 * by the form without its required key yet) into plain words. The cluster never sees such a
 * value: it refuses it for the missing key, which is reported on its own ("Required value").
 * So a rule that could not run because a key is missing ("no such key: name evaluating rule:
 * duplicated apis") is dropped when that missing key is reported, and otherwise says which key
 * it waits for ("… is checked once header is set"); other evaluation errors ("no such overload: …")
 * say the rule could not be checked on this value. Every other diagnostic is left as the API server
 * would word it.
 */
Diagnostics plainMessages(Diagnostics diagnostics);

} // namespace Airgate::Console
