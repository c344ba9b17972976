// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "model/workspace.h"

#include <QList>
#include <QString>

namespace Airgate::Console {

/** @brief One place that names another resource: which resource, which field, what it names. */
struct ReferenceSite
{
    const Resource *from = nullptr;
    QString field; ///< "spec.apis[0].name", or "metadata.annotations[hub.traefik.io/api]"
    Kind kind = Kind::Unknown;
    QString ns;
    QString name;
    bool annotation = false; ///< written as name@namespace
};

/** Every reference in the workspace (the same set the `reference` rule checks). */
QList<ReferenceSite> referenceSites(const Workspace &ws);
/** The kind a field of @p from names, when it is a reference field ("spec.apiPlan.name" → APIPlan).
 */
Kind referencedKind(Kind from, const QString &fieldPath);

} // namespace Airgate::Console
