use job_queue::Pool;

fn main() {
    let pool = Pool::new(4);
    for i in 0..20u32 {
        let accepted = pool.submit(Box::new(move || if i % 7 == 0 { Err(format!("job {i} failed")) } else { Ok(()) }));
        if !accepted {
            eprintln!("pool closed before job {i}");
        }
    }
    let stats = pool.shutdown();
    println!("{stats}");
    if !stats.failures.is_empty() {
        std::process::exit(1);
    }
}
