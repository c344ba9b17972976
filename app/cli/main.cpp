// SPDX-License-Identifier: Apache-2.0
#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream(stdout) << "airgatectl " << AIRGATE_VERSION << '\n';
    return 0;
}
