// SPDX-License-Identifier: Apache-2.0
#include "util/buildinfo.h"
#include "validation/reportformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>
#include <QXmlStreamReader>

using namespace Airgate;

namespace {

Diagnostics sample()
{
    Diagnostic e;
    e.rule = QStringLiteral("resource");
    e.message = QStringLiteral("spec.title: Required value");
    e.file = QStringLiteral("apis/a.yaml");
    e.line = 3;
    e.column = 5;
    e.kind = QStringLiteral("APIPlan");
    e.ns = QStringLiteral("apps");
    e.name = QStringLiteral("std");
    e.field = QStringLiteral("spec.title");
    Diagnostic w = e;
    w.severity = Diagnostic::Severity::Warning;
    w.rule = QStringLiteral("orphan");
    w.message = QStringLiteral("APIPlan \"std\" is not used <&>");
    Diagnostic i = e;
    i.severity = Diagnostic::Severity::Info;
    i.rule = QStringLiteral("selector");
    i.message = QStringLiteral("an info");
    return {e, w, i};
}

} // namespace

class TestReportFormat final : public QObject
{
    Q_OBJECT

private slots:
    void unixLines()
    {
        LintSummary s;
        s.pathPrefix = QStringLiteral("ws");
        const QByteArray out = renderReport(sample(), s, ReportFormat::Unix);
        QCOMPARE(
            out,
            QByteArray("ws/apis/a.yaml:3:5: error: spec.title: Required value [resource]\n"
                       "ws/apis/a.yaml:3:5: warning: APIPlan \"std\" is not used <&> [orphan]\n"));
    }

    void jsonShape()
    {
        LintSummary s;
        s.documents = 4;
        s.resources = 3;
        const QJsonObject o
            = QJsonDocument::fromJson(renderReport(sample(), s, ReportFormat::Json)).object();
        QCOMPARE(o.value(QStringLiteral("documents")).toInt(), 4);
        QCOMPARE(o.value(QStringLiteral("resources")).toInt(), 3);
        const QJsonArray ds = o.value(QStringLiteral("diagnostics")).toArray();
        QCOMPARE(ds.size(), 3);
        const QJsonObject d = ds.at(0).toObject();
        for (const char *k : {"severity", "rule", "message", "file", "line", "column", "kind",
                              "namespace", "name", "field"})
            QVERIFY2(d.contains(QLatin1StringView(k)), k);
        QCOMPARE(d.value(QStringLiteral("namespace")).toString(), QStringLiteral("apps"));
        QCOMPARE(ds.at(2).toObject().value(QStringLiteral("severity")).toString(),
                 QStringLiteral("info"));
    }

    void xmlFormatsAreWellFormed()
    {
        for (ReportFormat f : {ReportFormat::Checkstyle, ReportFormat::JUnit}) {
            const QByteArray out = renderReport(sample(), {}, f);
            QXmlStreamReader r(out);
            int elements = 0;
            while (!r.atEnd()) {
                if (r.readNext() == QXmlStreamReader::StartElement)
                    ++elements;
            }
            QVERIFY2(!r.hasError(), qPrintable(r.errorString()));
            QVERIFY(elements >= 3);
        }
        const QByteArray junit = renderReport(sample(), {}, ReportFormat::JUnit);
        QVERIFY(junit.contains("failures=\"1\""));
        QVERIFY(junit.contains("<failure message="));
        QVERIFY(renderReport(sample(), {}, ReportFormat::Checkstyle)
                    .contains("source=\"airgate.orphan\""));
    }

    void sarifShape()
    {
        const QJsonObject o
            = QJsonDocument::fromJson(renderReport(sample(), {}, ReportFormat::Sarif)).object();
        QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
        const QJsonObject run = o.value(QStringLiteral("runs")).toArray().at(0).toObject();
        const QJsonArray results = run.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(2).toObject().value(QStringLiteral("level")).toString(),
                 QStringLiteral("note"));
        const QJsonObject region = results.at(0)
                                       .toObject()
                                       .value(QStringLiteral("locations"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("physicalLocation"))
                                       .toObject()
                                       .value(QStringLiteral("region"))
                                       .toObject();
        QCOMPARE(region.value(QStringLiteral("startLine")).toInt(), 3);
        QVERIFY(run.value(QStringLiteral("tool"))
                    .toObject()
                    .value(QStringLiteral("driver"))
                    .toObject()
                    .value(QStringLiteral("rules"))
                    .toArray()
                    .size()
                >= 12);
    }

    void sarifNamesTheConfiguredHomepage()
    {
        // informationUri is the project's homepage as configured (AIRGATE_PACKAGE_HOMEPAGE, the
        // packages' Homepage too), never a placeholder.
        const QJsonObject driver
            = QJsonDocument::fromJson(renderReport(sample(), {}, ReportFormat::Sarif))
                  .object()
                  .value(QStringLiteral("runs"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("tool"))
                  .toObject()
                  .value(QStringLiteral("driver"))
                  .toObject();
        const QString uri = driver.value(QStringLiteral("informationUri")).toString();
        QCOMPARE(uri, QStringLiteral(AIRGATE_CONFIGURED_HOMEPAGE));
        QCOMPARE(uri, BuildInfo::homepage());
        QVERIFY2(QUrl(uri).isValid() && QUrl(uri).scheme() == QStringLiteral("https"),
                 qPrintable(uri));
        QVERIFY2(!uri.contains(QStringLiteral(".invalid")), qPrintable(uri));
        QCOMPARE(driver.value(QStringLiteral("version")).toString(), BuildInfo::version());
    }
};

QTEST_GUILESS_MAIN(TestReportFormat)
#include "tst_reportformat.moc"
