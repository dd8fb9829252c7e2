// Upload with a progress bar: sends the form with XMLHttpRequest and shows how much has gone.
// Without JavaScript the form posts normally.
const form = document.querySelector("[data-upload-form]");
if (form) {
  const progress = document.querySelector("[data-upload-progress]");
  const status = document.querySelector("[data-upload-status]");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    request.upload.addEventListener("progress", (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      progress.hidden = false;
      progress.value = percent;
      status.textContent = percent < 100 ? `Uploading: ${percent}%` : "Uploaded. Checking the files, this can take a few seconds...";
    });
    request.addEventListener("load", () => {
      // Show the page the request ended on (the result page the server redirected to, or the
      // form again with the problem explained) as it came: loading the result page a second time
      // would lose its one-time "Return accepted" message, already read by this request.
      document.open();
      document.write(request.responseText);
      document.close();
      if (request.responseURL) window.history.replaceState(null, "", request.responseURL);
    });
    request.addEventListener("error", () => {
      status.textContent = "The upload failed. Check your connection and try again.";
    });
    request.send(new FormData(form));
  });
}
