// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/kind.h"
#include "yaml/yamlnode.h"

#include <QString>

namespace Airgate::Console {

/** A new resource of @p kind that already passes the schema (what "New" and "Create…" add). */
Yaml::NodePtr newResource(Kind kind, const QString &ns, const QString &name);
/** Where a new resource of @p kind goes when the user does not say: "<namespace>/<kind
 * plural>.yaml". */
QString defaultFileFor(Kind kind, const QString &ns);

} // namespace Airgate::Console
