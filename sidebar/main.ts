// This file defines the sidebar's script (grown by the sidebar issue); it only marks the page as loaded for now.
const app = document.getElementById('app');
if (app) app.textContent = '事業報告書サイドバー';
