//! `zmqcat examples [NAME]`: the ZeroMQ guide's topologies as short recipes, ready to paste,
//! each with a diagram. Every recipe has a runnable, tested script under examples/ in the
//! source tree.

use crate::exit::Usage;

struct Recipe {
    name: &'static str,
    title: &'static str,
    diagram: &'static str,
    commands: &'static str,
}

const RECIPES: &[Recipe] = &[
    Recipe {
        name: "hello",
        title: "Hello world: one request, one reply (REQ/REP)",
        diagram: "
   req ──Hello──▶ rep
       ◀──World──",
        commands: "
  zmqcat rep -m World 5555 &                 # the server answers every request with World
  echo Hello | zmqcat req 5555               # prints World",
    },
    Recipe {
        name: "weather",
        title: "Weather updates: a publisher, filtered subscribers (PUB/SUB)",
        diagram: "
                 ┌──▶ sub -s 10001
   pub ──────────┤
                 └──▶ sub -s 94040",
        commands: "
  while :; do echo \"$((RANDOM % 100000)) $((RANDOM % 80 - 20)) $((RANDOM % 60))\"; done |
      zmqcat pub --rate 100000 5556 &
  zmqcat sub -s '10001 ' -n 100 5556 | awk '{ t += $2 } END { print t / NR }'",
    },
    Recipe {
        name: "pipeline",
        title: "Divide and conquer: ventilator, workers, sink (PUSH/PULL)",
        diagram: "
   ventilator ──▶ worker ──┐
    (push)    ──▶ worker ──┼──▶ sink
              ──▶ worker ──┘   (pull)",
        commands: "
  zmqcat pull -n 100 5558 > results.txt &                      # the sink binds
  for i in 1 2 3; do                                          # workers connect both ways
      zmqcat pull '>tcp://127.0.0.1:5557' | sed -u 's/$/ done/' |
          zmqcat push '>tcp://127.0.0.1:5558' &
  done
  seq 100 | zmqcat push --wait-peers 3 @tcp://*:5557           # the ventilator binds",
    },
    Recipe {
        name: "broker",
        title: "Request-reply broker: a shared queue between clients and workers (ROUTER/DEALER)",
        diagram: "
   req ──┐                          ┌──▶ rep (worker)
   req ──┼──▶ router │proxy│ dealer ┼──▶ rep (worker)
   req ──┘                          └──▶ rep (worker)",
        commands: "
  zmqcat proxy 'router@tcp://*:5559' 'dealer@tcp://*:5560' &
  zmqcat rep --connect tcp://127.0.0.1:5560 --exec 'tr a-z A-Z' &      # a worker (or several)
  echo hello | zmqcat req tcp://127.0.0.1:5559                         # prints HELLO",
    },
    Recipe {
        name: "forwarder",
        title: "Pub-sub forwarder: bridging publishers and subscribers (XSUB/XPUB)",
        diagram: "
   pub ──┐                        ┌──▶ sub
   pub ──┴──▶ xsub │proxy│ xpub ──┴──▶ sub",
        commands: "
  zmqcat proxy 'xsub@tcp://*:5557' 'xpub@tcp://*:5558' --capture &
  zmqcat sub -s news tcp://127.0.0.1:5558 &
  echo 'news hello' | zmqcat pub --wait-peers 1 --connect tcp://127.0.0.1:5557",
    },
    Recipe {
        name: "envelopes",
        title: "Pub-sub envelopes: the topic in a frame of its own",
        diagram: "
   pub ──[A][for you]──────▶ sub -s A --strip-topic ──▶ for you
       ──[B][not for you]──✗",
        commands: "
  zmqcat sub -s A --strip-topic 5563 &                          # prints: for you
  printf 'A\\tfor you\\nB\\tnot for you\\n' | zmqcat pub --wait-peers 1 5563
  zmqcat pub --topic A -m 'tick {seq}' --interval 1s 5563       # a topic frame on every message",
    },
    Recipe {
        name: "mspoller",
        title: "Several sockets at once: tasks and weather in one process (poll)",
        diagram: "
   push ──▶ tasks=pull ─┐
                        ├──▶ stdout: LABEL<TAB>frames
   pub ──▶ weather=sub ─┘",
        commands: "
  zmqcat poll 'tasks=pull>tcp://127.0.0.1:5557' 'weather=sub>tcp://127.0.0.1:5556' -s 10001",
    },
    Recipe {
        name: "lazy-pirate",
        title: "Lazy Pirate: a client that retries on a new socket when the server is silent",
        diagram: "
   req ──request──▶ ✗ (no reply in 2 s) ── new socket ──request──▶ rep
       ◀───────────────────────────────────────────────reply──",
        commands: "
  zmqcat rep --echo 5555 &
  seq 10 | zmqcat req --retries 3 -t 2s 5555        # exit 3 after the 3rd retry goes unanswered",
    },
    Recipe {
        name: "identities",
        title: "ROUTER identities: who sent what, and replies routed back by id",
        diagram: "
   dealer --identity cook ──▶ router ──▶ stdout: cook<TAB>order
                          ◀── stdin:  cook<TAB>reply",
        commands: "
  zmqcat router 5555 --coproc \"sed -u 's/\\t/\\tok /'\" &     # a routing table as a script
  echo burger | zmqcat dealer --identity cook -n 1 5555        # prints: ok burger",
    },
    Recipe {
        name: "foodtruck",
        title: "Food-truck orders: a pipeline from the window to the kitchen to the pickup counter",
        diagram: "
   window (push) ──order──▶ kitchen (pull | cook | push) ──meal──▶ counter (pull)",
        commands: "
  zmqcat pull 5602 &                                                   # the pickup counter
  zmqcat pull 5601 | sed -u 's/^/cooked: /' | zmqcat push --connect 5602 &   # the kitchen
  printf 'taco\\nburrito\\n' | zmqcat push --connect 5601               # the window",
    },
    Recipe {
        name: "radio",
        title: "Radio and dish: groups over udp, no connection needed (RADIO/DISH, draft API)",
        diagram: "
                       ┌──▶ dish -j weather   (prints weather<TAB>sunny)
   radio ──udp──▶ :5556┤
                       └──▶ (news: nobody joined, dropped)",
        commands: "
  zmqcat dish -j weather -n 1 udp://*:5556 &                  # binds the udp port
  while sleep 0.2; do printf 'weather\tsunny\nnews\thello\n'; done \
      | zmqcat radio udp://127.0.0.1:5556                       # first field = group
  zmqcat radio -g weather -m sunny --interval 1s udp://239.0.0.1:5556   # multicast",
    },
];

/// Prints every recipe, or the one named.
pub fn print(name: Option<&str>) -> Result<(), Usage> {
    let chosen: Vec<&Recipe> = match name {
        None => RECIPES.iter().collect(),
        Some(n) => match RECIPES.iter().find(|r| r.name == n) {
            Some(r) => vec![r],
            None => {
                let names: Vec<&str> = RECIPES.iter().map(|r| r.name).collect();
                return Err(Usage(format!(
                    "no example '{n}' (examples: {})",
                    names.join(", ")
                )));
            }
        },
    };
    let mut out = String::new();
    for (i, r) in chosen.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!(
            "{} — {}\n{}\n{}\n",
            r.name, r.title, r.diagram, r.commands
        ));
    }
    // Nothing useful can be said about a stdout that fails while printing a recipe.
    let _ = crate::io::print(out.as_bytes());
    Ok(())
}

/// The recipe names, for completions and help.
pub fn names() -> Vec<&'static str> {
    RECIPES.iter().map(|r| r.name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recipe_is_complete_and_named_once() {
        let mut names = names();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RECIPES.len());
        for r in RECIPES {
            assert!(r.commands.contains("zmqcat"), "{}", r.name);
            assert!(!r.diagram.trim().is_empty(), "{}", r.name);
        }
        assert!(print(Some("nope")).is_err());
    }
}
