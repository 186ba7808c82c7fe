import Drill
import Foundation

/// `drill stats`: how many cards are new, due and reviewed, and how each topic is going.
enum DrillStatsReport {
  static func print(
    cards: [DrillCard], store: any ReviewStore, now: Date, json: Bool, console: Console
  ) throws -> ExitStatus {
    let stats: DrillStats
    do {
      stats = DrillPlanner.stats(
        cards: cards, schedules: try store.schedules(), reviews: try store.reviews(), now: now)
    } catch {
      throw CommandError(.failure, "cannot read the review log: \(error)")
    }
    if json {
      console.print(DrillJSON.encode(stats))
      return .success
    }
    console.print(
      "\(stats.cards) cards: \(stats.new) new, \(stats.due) due now, \(stats.reviewed) reviewed.")
    console.print("Reviews: \(stats.reviewsToday) today, \(stats.totalReviews) in all.")
    if let retention = stats.retention {
      console.print(
        "Recalled \(DrillSession.percent(retention)) of repeat reviews (rated hard or better).")
    }
    if let next = stats.nextDue {
      console.print("Next card due \(DrillSession.describeDue(next, from: now)).")
    }
    console.print()
    let nameWidth = stats.topics.map(\.topic.count).max() ?? 5
    for topic in stats.topics {
      let name = topic.topic.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      let score =
        topic.averageLastScore.map { "latest answers cover \(DrillSession.percent($0))" }
        ?? "no graded answers yet"
      console.print("  \(name)  \(topic.reviewed)/\(topic.cards) reviewed, \(score)")
    }
    return .success
  }
}
