// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>

namespace Airgate::Console {

/** @brief One translation context for the whole console, stable when classes are renamed. */
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Console)
};

} // namespace Airgate::Console
