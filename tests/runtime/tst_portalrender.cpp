// SPDX-License-Identifier: Apache-2.0
// The API page renderer on hostile and real OpenAPI documents: bounded walks, no crash.
#include "portal/openapi.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Airgate::Runtime::Portal;

namespace {

QString render(const char *file)
{
    QFile f(QStringLiteral(AIRGATE_TEST_DATA_DIR "/openapi/") + QString::fromLatin1(file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    RenderOptions o;
    o.apiKey = QStringLiteral("a");
    o.csrf = QStringLiteral("tok");
    return renderOperations(doc, o, [](const char *s) { return QString::fromUtf8(s); });
}

} // namespace

class TestPortalRender : public QObject
{
    Q_OBJECT

private slots:
    // An array schema whose items refer to itself, reached through a property: the renderer
    // recursed until the stack overflowed (SIGSEGV on the first view of the page).
    void recursiveArrayThroughPropertyDoesNotCrash()
    {
        const QString html = render("recursive-array.json");
        QVERIFY(html.contains(QStringLiteral("/trees")));
        QVERIFY(html.contains(QStringLiteral("children")));
    }
};

QTEST_GUILESS_MAIN(TestPortalRender)
#include "tst_portalrender.moc"
