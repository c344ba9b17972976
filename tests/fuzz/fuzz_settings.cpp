// SPDX-License-Identifier: Apache-2.0
// airgate.yaml from arbitrary bytes: every problem is a diagnostic with a position, never a crash.
#include "fuzzcommon.h"

#include "settings/localsettings.h"
#include "validation/diagnostic.h"

using namespace Airgate;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    AirgateFuzz::initQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Diagnostics out;
    const LocalSettings s = LocalSettings::parse(AirgateFuzz::bytes(data, size),
                                                 QStringLiteral("/nonexistent/workspace"), out);
    for (const Diagnostic &d : out)
        FUZZ_CHECK(!d.message.isEmpty());
    (void)s.entryPoint(QStringLiteral("web"));
    return 0;
}
