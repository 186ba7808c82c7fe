import Foundation
import Testing

@testable import Plots

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct SVGTests {
  /// Collects element names and the first parse error.
  final class Collector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var texts: [String] = []
    var error: Error?

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      elements.append(elementName)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
      error = parseError
    }
  }

  static func parse(_ svg: String) -> Collector {
    let collector = Collector()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = collector
    _ = parser.parse()
    return collector
  }

  @Test(arguments: 0..<3)
  func documentIsWellFormed(figureIndex: Int) {
    let figure = [SampleFigures.lossCurves(), SampleFigures.trajectories(), SampleFigures.sweep()][
      figureIndex]
    let result = Self.parse(SVGPlot.document(figure))
    #expect(result.error == nil)
    #expect(result.elements.first == "svg")
    #expect(result.elements.filter { $0 == "path" }.count >= figure.series.count)
  }

  @Test func specialCharactersEscaped() {
    let figure = Figure.lossCurves(
      title: "a < b & \"c\"",
      series: [Series(name: "x<y>", points: [Point(x: 0, y: 1), Point(x: 1, y: 0.5)], note: "'n'")])
    let result = Self.parse(SVGPlot.document(figure))
    #expect(result.error == nil)
    #expect(result.texts.joined().contains("a < b & \"c\""))
    #expect(result.texts.joined().contains("x<y>  'n'"))
  }

  @Test func hugeValuesStayInsideViewBox() {
    let figure = Figure.lossCurves(
      title: "", series: [Series(name: "s", points: [Point(x: 0, y: 1), Point(x: 1, y: 1e300)])])
    let svg = SVGPlot.document(
      Figure(
        title: "", xAxis: figure.xAxis,
        yAxis: Axis(label: "loss", scale: .logarithmic, range: 0.1...10),
        series: figure.series))
    #expect(Self.parse(svg).error == nil)
    #expect(!svg.contains("e+"))
    #expect(!svg.contains("inf"))
  }
}
