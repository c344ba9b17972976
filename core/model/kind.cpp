// SPDX-License-Identifier: Apache-2.0
#include "kind.h"

namespace Airgate {

const KindInfo *kindInfo(Kind kind)
{
    for (const KindInfo &k : kKinds)
        if (k.kind == kind)
            return &k;
    return nullptr;
}

Kind kindFromManifest(QStringView apiVersion, QStringView kind)
{
    for (const KindInfo &k : kKinds)
        if (kind == QLatin1StringView(k.name) && apiVersion == QLatin1StringView(k.apiVersion))
            return k.kind;
    return Kind::Unknown;
}

Kind kindFromName(QStringView kind)
{
    for (const KindInfo &k : kKinds)
        if (kind == QLatin1StringView(k.name))
            return k.kind;
    return Kind::Unknown;
}

QString kindName(Kind kind)
{
    const KindInfo *k = kindInfo(kind);
    return k ? QLatin1StringView(k->name).toString() : QStringLiteral("Unknown");
}

} // namespace Airgate
