// SPDX-License-Identifier: Apache-2.0
#include "cliargs.h"

namespace Airgate::Cli {

int serveCommand(Args &)
{
    err() << "airgatectl serve: the gateway is not part of this build yet\n";
    return ExitUsage;
}

} // namespace Airgate::Cli
