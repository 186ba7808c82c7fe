/// A grid of character cells that lines are drawn on as dots.
///
/// In braille mode each cell has 2 × 4 dots (Unicode braille patterns U+2800–U+28FF); in
/// ASCII mode each cell is one dot, drawn with the series' symbol. A cell shows one colour:
/// series dots replace contour dots in the same cell, and a later series is drawn over an
/// earlier one.
struct DotCanvas {
  enum Glyphs { case braille, ascii }

  /// The kind of content in a cell, in drawing order.
  enum Layer: Equatable {
    case empty
    case contour
    case series(Int)
  }

  struct Cell {
    var dots: UInt8 = 0
    var layer: Layer = .empty
    /// A symbol drawn in place of the dots, such as the marker at the end of a path.
    var marker: (symbol: Character, series: Int)?
  }

  let columns: Int
  let rows: Int
  let glyphs: Glyphs
  private(set) var cells: [Cell]

  init(columns: Int, rows: Int, glyphs: Glyphs) {
    self.columns = columns
    self.rows = rows
    self.glyphs = glyphs
    cells = Array(repeating: Cell(), count: columns * rows)
  }

  var dotsPerColumn: Int { glyphs == .braille ? 2 : 1 }
  var dotsPerRow: Int { glyphs == .braille ? 4 : 1 }
  var dotWidth: Int { columns * dotsPerColumn }
  var dotHeight: Int { rows * dotsPerRow }

  /// Returns the dot nearest to a unit-square point, with y pointing up.
  func dot(_ point: Point) -> (x: Int, y: Int) {
    let x = Int((point.x * Double(dotWidth - 1)).rounded())
    let y = Int(((1 - point.y) * Double(dotHeight - 1)).rounded())
    return (min(max(x, 0), dotWidth - 1), min(max(y, 0), dotHeight - 1))
  }

  mutating func set(x: Int, y: Int, layer: Layer) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    let index = (y / dotsPerRow) * columns + x / dotsPerColumn
    var cell = cells[index]
    switch (cell.layer, layer) {
    case (.series, .contour): return
    case (.contour, .series), (.empty, _): cell.dots = 0
    default: break
    }
    cell.layer = layer
    cell.dots |= Self.brailleBit(column: x % dotsPerColumn, row: y % dotsPerRow)
    cells[index] = cell
  }

  /// Draws the segment between two unit-square points, clipped to the canvas.
  mutating func line(from a: Point, to b: Point, layer: Layer, sparse: Bool = false) {
    guard let (start, end) = clipToUnitSquare(a, b) else { return }
    var (x0, y0) = dot(start)
    let (x1, y1) = dot(end)
    let dx = abs(x1 - x0)
    let dy = -abs(y1 - y0)
    let sx = x0 < x1 ? 1 : -1
    let sy = y0 < y1 ? 1 : -1
    var error = dx + dy
    while true {
      // Sparse lines keep every other dot of a checkerboard, which reads as a lighter line.
      if !sparse || (x0 + y0) % 2 == 0 { set(x: x0, y: y0, layer: layer) }
      if x0 == x1 && y0 == y1 { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x0 += sx
      }
      if doubled <= dx {
        error += dx
        y0 += sy
      }
    }
  }

  mutating func mark(_ point: Point, symbol: Character, series: Int) {
    guard (0...1).contains(point.x), (0...1).contains(point.y) else { return }
    let (x, y) = dot(point)
    let index = (y / dotsPerRow) * columns + x / dotsPerColumn
    cells[index].marker = (symbol, series)
  }

  func cell(column: Int, row: Int) -> Cell { cells[row * columns + column] }

  /// Returns the bit of a braille pattern for the dot at `column` (0–1) and `row` (0–3) of a cell.
  static func brailleBit(column: Int, row: Int) -> UInt8 {
    switch (column, row) {
    case (0, 3): 0x40
    case (1, 3): 0x80
    case (0, _): UInt8(1 << row)
    default: UInt8(1 << (row + 3))
    }
  }

  static func braille(_ dots: UInt8) -> Character {
    Character(Unicode.Scalar(0x2800 + UInt32(dots))!)
  }
}
