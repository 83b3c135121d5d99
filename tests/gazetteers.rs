//! User gazetteers over the defaults, and clear errors for broken ones.

use crate::util::{code, fixture, rows, stderr, Workdir};

#[test]
fn broken_gazetteer_names_file_and_line() {
    let wd = Workdir::new("bad-gazetteer");
    let dir = fixture("gazetteers/bad").display().to_string();
    let input = fixture("news/roles.txt").display().to_string();
    let out = wd.run(&["extract", &input, "--out", "out", "--gazetteers", &dir]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    for expected in [
        "places.tsv:2: entity `Q1` has an empty name",
        "places.tsv:3: unknown type `place`: did you mean PLACE?",
        "places.tsv:4: expected 6 tab-separated columns, found 5",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in\n{err}");
    }
    assert!(!wd.path("out/mentions.csv").exists(), "nothing is written when gazetteers are broken");
    // `check` lists the same problems and exits 1.
    let out = wd.run(&["check", "--gazetteers", &dir]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("places.tsv:2:"), "{}", stderr(&out));

    let out = wd.run(&["check"]);
    assert_eq!(code(&out), 0, "the shipped gazetteers check clean: {}", stderr(&out));
}

#[test]
fn user_entries_and_verbs_extend_the_defaults() {
    let wd = Workdir::new("extra");
    std::fs::write(
        wd.path("story.txt"),
        "Africa Corps recruited fighters from Mali, officials said.",
    )
    .unwrap();
    let dir = fixture("gazetteers/extra").display().to_string();
    let out = wd.run(&[
        "extract",
        "story.txt",
        "--out",
        "out",
        "--gazetteers",
        &dir,
        "--date",
        "2024-10-15",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mentions = rows(&wd.path("out/mentions.csv"));
    assert!(
        mentions
            .iter()
            .any(|r| r[6] == "Africa Corps" && r[7] == "ORG" && r[5] == "user:wagner-africa"),
        "{mentions:?}"
    );
    let relations = rows(&wd.path("out/relations.csv"));
    assert!(
        relations.iter().any(|r| r[3] == "Africa Corps" && r[5] == "recruited"),
        "{relations:?}"
    );
}

#[test]
fn without_defaults_nothing_is_known() {
    let wd = Workdir::new("no-defaults");
    std::fs::write(wd.path("story.txt"), "Russia and Ukraine exchanged prisoners.").unwrap();
    let out = wd.run(&["extract", "story.txt", "--out", "out", "--no-default-gazetteers"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(rows(&wd.path("out/mentions.csv")).len(), 1);
    let out = wd.run(&["extract", "story.txt", "--out", "out2"]);
    assert_eq!(code(&out), 0);
    assert!(rows(&wd.path("out2/mentions.csv")).len() >= 3);
}

#[test]
fn suggest_lists_missing_names_as_rows() {
    let wd = Workdir::new("suggest");
    std::fs::create_dir_all(wd.path("archive")).unwrap();
    std::fs::write(
        wd.path("archive/a.txt"),
        "Spokesman Ivan Petrenko said the Khortytsia Brigade held.",
    )
    .unwrap();
    std::fs::write(
        wd.path("archive/b.txt"),
        "Ivan Petrenko, a spokesman, said the Khortytsia Brigade withdrew.",
    )
    .unwrap();
    let out = wd.run(&["suggest", "archive", "--top", "5"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("id\tname\ttype\taliases\tdemonyms\tattributes\n"), "{text}");
    assert!(text.contains("# 2 documents, 2 mentions, found by a rule"), "{text}");
    assert!(text.contains("\tIvan Petrenko\tPERSON\t\t\t\n"), "{text}");
    assert!(text.contains("\tKhortytsia Brigade\tORG\t\t\t\n"), "{text}");
    // The rows load as a gazetteer.
    std::fs::create_dir_all(wd.path("mine")).unwrap();
    std::fs::write(wd.path("mine/new.tsv"), text.as_bytes()).unwrap();
    let out = wd.run(&["check", "--gazetteers", "mine"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn a_title_names_the_office_holder_of_the_day() {
    // See: issue 3 (roles that change over time).
    let wd = Workdir::new("offices");
    std::fs::write(
        wd.path("story.txt"),
        "South Korea's defence minister said the reports were credible.",
    )
    .unwrap();
    for (date, who) in [("2024-10-15", "Kim Yong-hyun"), ("2024-03-01", "Shin Won-sik")] {
        let out = wd.run(&["extract", "story.txt", "--out", date, "--date", date]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let relations = rows(&wd.path(&format!("{date}/relations.csv")));
        assert!(relations.iter().any(|r| r[3] == who && r[5] == "stated"), "{date}: {relations:?}");
    }
}
