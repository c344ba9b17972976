// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/kind.h"
#include "yaml/yamlnode.h"

#include <QString>

namespace Airgate::Console {

/** A new resource of @p kind that already passes the schema (what "New" and "Create…" add). */
Yaml::NodePtr newResource(Kind kind, const QString &ns, const QString &name);
/** The folder of the workspace layout (the example's) a resource of @p kind belongs in:
 * `apis/`, `plans/`, `auth/`, `portal/`, `consumers/` or `config/`. */
QString layoutFolder(Kind kind);
/**
 * Where a new resource of @p kind named @p name goes when the user does not say:
 * `<folder>/<name>.yaml`, the folder being the one @p existingFile (a file already holding a
 * resource of that kind) is in, else layoutFolder().
 */
QString defaultFileFor(Kind kind, const QString &name, const QString &existingFile = {});

} // namespace Airgate::Console
