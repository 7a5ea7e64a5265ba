//! The threads of a grade run, whatever its lines hold: one reader cuts the
//! input into batches, `jobs` workers grade them, and the calling thread
//! writes their output in input order.
//!
//! Memory stays bounded by tokens: the reader takes one per batch and the
//! writer gives it back once the batch is written, so at most `4 × jobs`
//! batches are in flight however far the fastest worker runs ahead.

use std::collections::BTreeMap;
use std::io::{self, Write};

use crossbeam_channel::{Receiver, Sender, bounded, select};

use super::{Batch, Error, Graded, Progress};

/// What grades the batches of one thread, and what it adds up.
pub(super) trait Worker: Send {
    type Tally: Send;
    fn grade(&mut self, batch: &Batch) -> Graded;
    fn into_tally(self) -> Self::Tally;
}

/// How the reader thread cuts the input into batches: it sends each on
/// `work` after taking a token from `tokens`.
pub(super) type Reader = Box<dyn FnOnce(&Sender<Batch>, &Receiver<()>) -> Result<(), Error> + Send>;

/// Run `read` and `workers` (one thread each) and write their output to
/// `out` in input order; the workers' tallies, in no particular order.
pub(super) fn run<W: Worker>(
    read: Reader,
    workers: Vec<W>,
    out: &mut dyn Write,
    progress: &dyn Progress,
) -> Result<Vec<W::Tally>, Error> {
    let in_flight = workers.len().max(1) * 4;
    let (work_tx, work_rx) = bounded::<Batch>(in_flight);
    let (done_tx, done_rx) = bounded::<Graded>(in_flight);
    let (token_tx, token_rx) = bounded::<()>(in_flight);
    for _ in 0..in_flight {
        token_tx.send(()).expect("the token channel has room");
    }
    let reader = std::thread::Builder::new()
        .name("grade-reader".into())
        .spawn(move || read(&work_tx, &token_rx))
        .map_err(Error::Thread)?;
    // Dropped by the writer when it stops early: tells the workers to stop
    // even while the reader is still blocked reading.
    let (stop_tx, stop_rx) = bounded::<()>(0);
    let mut tallies = Vec::with_capacity(workers.len());
    let written = std::thread::scope(|scope| -> Result<(), Error> {
        let mut threads = Vec::with_capacity(workers.len());
        let mut started = Ok(());
        for worker in workers {
            let (work_rx, done_tx, stop_rx) = (work_rx.clone(), done_tx.clone(), stop_rx.clone());
            match std::thread::Builder::new()
                .spawn_scoped(scope, move || work(worker, &work_rx, &done_tx, &stop_rx))
            {
                Ok(thread) => threads.push(thread),
                Err(e) => {
                    started = Err(Error::Thread(e));
                    break;
                }
            }
        }
        drop((done_tx, work_rx, stop_rx));
        let written = match started {
            Ok(()) => write_in_order(&done_rx, &token_tx, out, progress),
            Err(e) => Err(e),
        };
        // A reader waiting for a token after the writer stopped wakes up
        // and ends instead of waiting forever.
        drop(token_tx);
        // Stop the workers if writing failed (they may be waiting for a batch
        // the reader will never send), and let a worker waiting to hand over
        // its batch give up.
        drop(stop_tx);
        drop(done_rx);
        for thread in threads {
            // A worker that panicked is a bug; its lines are missing from the tally.
            if let Ok(tally) = thread.join() {
                tallies.push(tally);
            }
        }
        written
    });
    written?;
    // Every batch was written, so the reader has finished (or failed).
    match reader.join() {
        Ok(read) => read?,
        Err(_) => {
            return Err(Error::Read(io::Error::other(
                "the reader stopped unexpectedly",
            )));
        }
    }
    Ok(tallies)
}

fn write_in_order(
    done: &Receiver<Graded>,
    tokens: &Sender<()>,
    out: &mut dyn Write,
    progress: &dyn Progress,
) -> Result<(), Error> {
    let mut next = 0;
    let mut waiting: BTreeMap<u64, Graded> = BTreeMap::new();
    for graded in done {
        waiting.insert(graded.seq, graded);
        while let Some(graded) = waiting.remove(&next) {
            out.write_all(&graded.out).map_err(Error::Write)?;
            progress.read_bytes(graded.read);
            progress.graded_lines(graded.lines);
            next += 1;
            // The batch is gone: the reader may cut another.
            let _ = tokens.send(());
        }
    }
    out.flush().map_err(Error::Write)
}

fn work<W: Worker>(
    mut worker: W,
    batches: &Receiver<Batch>,
    done: &Sender<Graded>,
    stop: &Receiver<()>,
) -> W::Tally {
    loop {
        let batch = select! {
            recv(batches) -> batch => match batch {
                Ok(batch) => batch,
                Err(_) => break, // the reader is done
            },
            recv(stop) -> _ => break, // the writer stopped
        };
        if done.send(worker.grade(&batch)).is_err() {
            break;
        }
    }
    worker.into_tally()
}
