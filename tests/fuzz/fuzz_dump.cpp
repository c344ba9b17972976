// SPDX-License-Identifier: Apache-2.0
// The Kubernetes dump reader (`airgatectl import` / `diff --against dump`): what `kubectl get -o
// yaml|json` prints, or anything else. Objects it accepts are normalised (server fields
// stripped, the last-applied annotation preferred) and diffed against themselves.
#include "fuzzcommon.h"

#include "gitops/dumpreader.h"
#include "gitops/normalize.h"
#include "gitops/semanticdiff.h"

using namespace Airgate;
using namespace Airgate::GitOps;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    AirgateFuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    auto dump
        = readDump(QByteArrayView(data, static_cast<qsizetype>(size)), QStringLiteral("dump.yaml"));
    if (!dump) {
        FUZZ_CHECK(!dump.error().message.isEmpty());
        return 0;
    }
    for (const DumpObject &o : dump.value().objects) {
        FUZZ_CHECK(o.node && o.node->isMap());
        QString note;
        const Yaml::NodePtr stripped = stripServerFields(o.node, true, &note);
        if (stripped)
            (void)canonical(*stripped);
        (void)shortText(o.node.get());
    }
    const SemanticDiff same = diffObjects(dump.value().objects, dump.value().objects);
    (void)same;
    return 0;
}
