// SPDX-License-Identifier: Apache-2.0
// The translation catalogues (:/i18n/airgate_*.qm) live in this library's resources.
namespace Airgate::I18n {
int linked()
{
    return 1;
}
} // namespace Airgate::I18n
